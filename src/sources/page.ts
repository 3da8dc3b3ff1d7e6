import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText, isoDate } from './feed.ts';

/** What an item's page gives when the feed carries only a title or a summary. */
export interface PageText {
  title: string;
  /** The main text (Mozilla Readability), one line per paragraph; '' when none was found. */
  text: string;
  published: string | null;
  lang: string | null;
}

/** Extracts the main text of an HTML page, as `.html` files are read (src/ingest/readers.ts). */
export function extractPage(html: string): PageText {
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? null;
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="date"]') ??
    meta('meta[itemprop="datePublished"]');
  const lang = document.documentElement?.getAttribute('lang')?.trim() || null;
  // Readability's types name the DOM Document; linkedom's document implements what it uses.
  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  return {
    title: (parsed?.title ?? '').replace(/\s+/g, ' ').trim(),
    text: htmlToText(parsed?.content ?? ''),
    published: isoDate(published),
    lang,
  };
}
