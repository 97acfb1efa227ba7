import {describe, expect, it} from 'vitest'
import {checkJsonFeed, parseJson} from '../../src/check/json-feed.js'
import {fileAt, idsOf, messagesOf} from './helpers.js'

function feed(patch: (value: Record<string, any>) => void = () => {}): string {
  const value: Record<string, any> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'T',
    home_page_url: 'https://t.example/',
    feed_url: 'https://t.example/feeds/feed.json',
    authors: [{name: 'A'}],
    items: [
      {
        id: 'https://t.example/one.html',
        url: 'https://t.example/one.html',
        title: 'One',
        content_html: '<p><a href="https://t.example/x.html">x</a></p>',
        date_published: '2025-03-03T09:30:00.000Z'
      }
    ]
  }
  patch(value)
  return JSON.stringify(value)
}

function check(text: string): string[] {
  const file = fileAt('feeds/feed.json')
  checkJsonFeed(file, text)
  return idsOf(file)
}

describe('json feed', () => {
  it('should accept a complete feed', () => {
    const file = fileAt('feeds/feed.json')
    checkJsonFeed(file, feed())
    expect(messagesOf(file)).toEqual([])
  })

  it('should report JSON that does not parse', () => {
    expect(check('{"version": ')).toEqual(['json-invalid'])
    expect(parseJson(fileAt('x.json'), '[1]')).toEqual([1])
  })

  it('should report a wrong version, a missing title, an item without id or content', () => {
    expect(check(feed((v) => (v.version = 'https://jsonfeed.org/version/1')))).toEqual(['json-feed-schema'])
    expect(check(feed((v) => delete v.title))).toEqual(['json-feed-schema'])
    expect(check(feed((v) => delete v.items[0].id))).toEqual(['json-feed-schema'])
    expect(check(feed((v) => delete v.items[0].content_html))).toEqual(['json-feed-schema'])
    expect(check(feed((v) => (v.items[0].content_text = 'x')))).toEqual([])
  })

  it('should report dates that are not RFC 3339 and authors that are not an array', () => {
    const file = fileAt('feeds/feed.json')
    checkJsonFeed(file, feed((v) => (v.items[0].date_published = 'Mon, 03 Mar 2025 09:30:00 +0000')))
    expect(idsOf(file)).toEqual(['json-feed-schema'])
    expect(file.messages[0]?.reason).toContain('items[0].date_published')
    expect(check(feed((v) => (v.authors = {name: 'A'})))).toEqual(['json-feed-schema'])
  })

  it('should report relative URLs and scripts in `content_html`', () => {
    expect(check(feed((v) => (v.items[0].content_html = '<img src="a.png" alt="">')))).toEqual(['feed-relative-url'])
    expect(check(feed((v) => (v.items[0].content_html = '<script>x</script>')))).toEqual(['feed-script'])
    expect(check(feed((v) => (v.items[0].content_html = '<a href="javascript:x()">x</a>')))).toEqual(['feed-javascript-url'])
  })
})
