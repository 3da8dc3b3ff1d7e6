/** News sources polled in: feeds (src/sources/feed.ts), HTTP (fetch.ts), polling (poll.ts). */
export type { SourceState } from './types.ts';
export { formatDuration, parseDuration } from './duration.ts';
export { htmlToText, isoDate, parseFeedBody, type FeedItem, type ParsedFeed } from './feed.ts';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  decodeBody,
  fetchText,
  sniffCharset,
  userAgent,
  type FetchOptions,
  type FetchResult,
} from './fetch.ts';
export { extractPage, type PageText } from './page.ts';
export {
  DEFAULT_EVERY_SECONDS,
  DEFAULT_MAX_NEW_ITEMS,
  MAX_BACKOFF_SECONDS,
  backoffSeconds,
  isDue,
  itemId,
  lagSeconds,
  newSource,
  pollDue,
  pollSource,
  type PollDeps,
  type PollDueOptions,
  type PollResult,
} from './poll.ts';
