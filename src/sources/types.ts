/**
 * A news source as the poller sees it: where it is, how often to read it, what the server said
 * last time (for a conditional GET) and how it has fared. The store keeps one row per source;
 * `pollSource` takes one and hands back the updated copy.
 */
export interface SourceState {
  id: string;
  url: string;
  name: string;
  everySeconds: number;
  etag: string | null;
  lastModified: string | null;
  lastFetch: string | null;
  lastOk: string | null;
  nextDue: string | null;
  failures: number;
  lastError: string | null;
  itemsSeen: number;
  itemsStored: number;
  errors: number;
  createdAt: string;
}
