import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {countByRule, groupMessages, reportLines} from '../../src/report/index.js'

function fileWith(path: string, ...messages: Array<[string, string, number, boolean | undefined]>): VFile {
  const file = new VFile({path})
  for (const [reason, ruleId, line, fatal] of messages) {
    const message = file.message(reason, {ruleId, place: {line, column: 2}})
    message.fatal = fatal
  }
  return file
}

describe('grouping', () => {
  it('should group one rule of one path across files, keeping the first position', () => {
    const a = fileWith('a.md', ['Removed x', 'removed-html', 3, false], ['Missing alt', 'missing-alt', 4, false], ['Removed y', 'removed-html', 9, false])
    const again = fileWith('a.md', ['Removed z', 'removed-html', 12, false])
    const b = fileWith('b.md', ['Removed x', 'removed-html', 1, false], ['Bad', 'front-matter', 1, true], ['Kept text', 'template-syntax', 5, undefined])
    const groups = groupMessages([a, b, again])
    expect(groups.map((group) => `${group.path} ${group.ruleId} ${group.messages.length}`)).toEqual([
      'a.md removed-html 3', 'a.md missing-alt 1', 'b.md removed-html 1', 'b.md front-matter 1', 'b.md template-syntax 1'
    ])
    expect(countByRule([a, b, again])).toEqual([['removed-html', 4], ['front-matter', 1], ['missing-alt', 1]])
    const lines = reportLines('pretty', [a, b, again]).map((line) => line.text)
    expect(lines).toEqual([
      'warning a.md:3:2: Removed x [removed-html] (first of 3 in this file; `--verbose` lists each)',
      'warning a.md:4:2: Missing alt [missing-alt]',
      'warning b.md:1:2: Removed x [removed-html]',
      'error b.md:1:2: Bad [front-matter]'
    ])
    expect(reportLines('pretty', [a, b, again], {quiet: true}).map((line) => line.text)).toEqual(['error b.md:1:2: Bad [front-matter]'])
    expect(reportLines('pretty', [a, b, again], {verbose: true})).toHaveLength(7)
  })

  it('should escape GitHub workflow commands', () => {
    const file = fileWith('dir,odd:name.md', ['50% done\nnext, line', 'some-rule', 2, false], ['50% done\nnext, line', 'some-rule', 3, false])
    expect(reportLines('github', [file]).map((line) => line.text)).toEqual([
      '::warning file=dir%2Codd%3Aname.md,line=2,col=2,title=some-rule::50%25 done%0Anext, line (first of 2 in this file)'
    ])
  })
})
