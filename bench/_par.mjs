import {readFileSync, readdirSync} from 'node:fs'
import {createArticle} from '/work/main/dist/article.js'
import {resolveConfig} from '/work/main/dist/config.js'
const config = resolveConfig({site:{title:'B',url:'https://b.example/'},input:'/tmp/pb/input'}, '/tmp/pb')
const files = readdirSync('/tmp/pb/input').sort().slice(0, 300).map(f => '/tmp/pb/input/'+f)
const contents = files.map(f => readFileSync(f))
for (let i = 0; i < 30; i++) createArticle({path: files[i], contents: contents[i]}, config)
const t = performance.now()
for (let r = 0; r < 2; r++) for (let i = 0; i < files.length; i++) createArticle({path: files[i], contents: contents[i]}, config)
console.log('normalize ms/article', ((performance.now() - t)/files.length/2).toFixed(2))
