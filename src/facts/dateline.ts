import type { Stage } from '../pipeline.ts';
import { dateAnchors } from '../anchors/dates.ts';

/**
 * Publication date cascade: the input's `published`, else (HTML readers fill it from meta
 * tags) a dateline at the top of the text (`HANOI, 5 October 2020 (Reuters) -`,
 * `2020年10月5日电`), else unknown. A crawl date line never counts: normalisation has already
 * set it apart (`crawlDate`).
 */

/** A dateline sits at the very top of a report and ends with a dash, a colon or 电. */
const DATELINE_CHARS = 80;
const DATELINE_END = /\s[-–—]\s|\)\s*[-–—:]|电|\s--\s/u;

export function datelineDate(text: string, lang: string, today = new Date()): string | null {
  // Only a real dateline counts: a date in the first sentence is more often the event's.
  const end = DATELINE_END.exec(text.slice(0, DATELINE_CHARS));
  if (!end) return null;
  const head = text.slice(0, end.index + end[0].length);
  const full = dateAnchors(head, lang).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const first = full.find((d) => Date.parse(d) <= today.getTime());
  return first ?? null;
}

export const datelineStage: Stage = {
  name: 'dateline@1',
  requires: ['text', 'lang', 'published'],
  assigns: ['published', 'publishedSource'],
  run(article) {
    if (article.published) return { ...article, publishedSource: 'input' };
    const found = datelineDate(article.text, article.lang ?? 'und');
    return found
      ? { ...article, published: found, publishedSource: 'dateline' }
      : { ...article, publishedSource: 'unknown' };
  },
};
