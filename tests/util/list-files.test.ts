import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {listFiles} from '../../src/util/list-files.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-list-'))
  for (const file of ['b.txt', 'a/z.html', 'a/b/c.xml', '.hidden', '.git/HEAD', 'a/.tmp-123/x', 'a/.partial.tmp']) {
    await mkdir(path.dirname(path.join(dir, file)), {recursive: true})
    await writeFile(path.join(dir, file), 'x')
  }
  await mkdir(path.join(dir, 'empty'))
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('listFiles', () => {
  it('should list files recursively as sorted POSIX paths, without dotfiles or dot-folders', async () => {
    expect(await listFiles(dir)).toEqual(['a/b/c.xml', 'a/z.html', 'b.txt'])
  })

  it('should list a dot-folder given as the root', async () => {
    expect(await listFiles(path.join(dir, '.git'))).toEqual(['HEAD'])
  })
})
