import {describe, expect, it} from 'vitest'
import {renderJsonFeed} from '../../../src/emitters/feeds/json-feed.js'
import {channel, entry} from './channel.js'

describe('renderJsonFeed', () => {
  it('should write JSON Feed 1.1 with `authors` and `language`, in a fixed key order', () => {
    const text = renderJsonFeed(channel({hub: 'https://hub.example.org/', icon: 'https://news.example.org/icon.png'}))
    expect(text.endsWith('}\n')).toBe(true)
    const feed = JSON.parse(text)
    expect(Object.keys(feed)).toEqual(['version', 'title', 'home_page_url', 'feed_url', 'description', 'icon', 'favicon', 'authors', 'language', 'hubs', 'items'])
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.authors).toEqual([{name: 'Desk'}])
    expect(feed.author).toBeUndefined()
    expect(feed.hubs).toEqual([{type: 'WebSub', url: 'https://hub.example.org/'}])
  })

  it('should write items with id, url, title, content, summary, dates, authors, tags, image and language', () => {
    const feed = JSON.parse(
      renderJsonFeed(channel({entries: [entry({
        updated: new Date('2025-03-04T00:00:00Z'),
        externalUrl: 'https://wire.example.org/x',
        image: {url: 'https://news.example.org/assets/a.png', alt: 'A'}
      })]}))
    )
    expect(feed.items).toEqual([{
      id: 'https://news.example.org/story.html',
      url: 'https://news.example.org/story.html',
      external_url: 'https://wire.example.org/x',
      title: 'Story',
      content_html: '<p>Body.</p>',
      summary: 'Standfirst.',
      image: 'https://news.example.org/assets/a.png',
      date_published: '2025-03-03T09:30:00.000Z',
      date_modified: '2025-03-04T00:00:00.000Z',
      authors: [{name: 'Ada'}],
      tags: ['News'],
      language: 'en'
    }])
  })

  it('should carry the photo\'s caption and credit in the `_photo` extension', () => {
    const feed = JSON.parse(renderJsonFeed(channel({entries: [entry({photo: {caption: 'The minister in Erbil.', credit: 'AFP'}})]})))
    expect(feed.items[0]._photo).toEqual({caption: 'The minister in Erbil.', credit: 'AFP'})
    expect(feed.items[0].image).toBeUndefined()
  })

  it('should keep `]]>` and `<c>` as they are (JSON needs no CDATA)', () => {
    const feed = JSON.parse(renderJsonFeed(channel({entries: [entry({title: 'Use <c> ]]> ]]>'})]})))
    expect(feed.items[0].title).toBe('Use <c> ]]> ]]>')
  })
})
