/** A hand-built feed model for the writers' unit tests. */
import type {FeedChannel, FeedEntry} from '../../../src/emitters/feeds/model.js'

export function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: 'https://news.example.org/story.html',
    url: 'https://news.example.org/story.html',
    title: 'Story',
    summary: 'Standfirst.',
    contentHtml: '<p>Body.</p>',
    published: new Date('2025-03-03T09:30:00Z'),
    updated: new Date('2025-03-03T09:30:00Z'),
    wasUpdated: false,
    authors: ['Ada'],
    tags: ['News'],
    lang: 'en',
    dir: 'ltr',
    ...overrides
  }
}

export function channel(overrides: Partial<FeedChannel> = {}): FeedChannel {
  return {
    title: 'The Desk',
    description: 'News from the desk.',
    home: 'https://news.example.org/',
    id: 'https://news.example.org/feeds/atom.xml',
    self: {
      rss: 'https://news.example.org/feeds/rss.xml',
      atom: 'https://news.example.org/feeds/atom.xml',
      json: 'https://news.example.org/feeds/feed.json'
    },
    updated: new Date('2025-03-03T09:30:00Z'),
    language: 'en',
    generator: 'Pressroom',
    author: 'Desk',
    entries: [entry()],
    ...overrides
  }
}
