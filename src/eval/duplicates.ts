import path from 'node:path';
import { DEFAULT_DUP_WINDOW } from '../config.ts';
import { fingerprint, NearDuplicateIndex } from '../dedup/index.ts';
import { contentHash } from '../ingest/index.ts';
import { readGold, seededRandom } from './run.ts';
import { BabelwireError, formatRejection } from '../errors.ts';
import { readFile } from '../ingest/readers.ts';
import { normalizeInline, normalizeText } from '../normalize/index.ts';

/**
 * Near-duplicates, measured. A labelled set is built from development texts: a seeded share of
 * the reports gets copies made the way republishers make them — small edits (words changed,
 * dropped, figures updated), truncation (the lead and the first part kept), boilerplate added
 * (credits, share and subscribe lines), or all three — and each copy is placed a little later
 * in the stream than its original. The other reports, many of them independent reports of the
 * same event in the same language, are what must not be taken for copies.
 *
 * Scored as the writer decides (src/ingest/writer.ts): in stream order, each text's
 * fingerprint is looked up among the earlier ones. A link is right when it points at the
 * copy's original or at another copy of it; precision is over the links made from copies and
 * recall over the copies. Links between two development reports are not labelled (the sets hold
 * real republications: Vietnamese sites carry each other's stories) and are listed apart.
 */

export type CopyKind = 'edits' | 'truncated' | 'boilerplate' | 'all three';
export const COPY_KINDS: readonly CopyKind[] = ['edits', 'truncated', 'boilerplate', 'all three'];

export interface CopyItem {
  id: string;
  lang: string;
  title: string;
  text: string;
  /** The gold event of the report (of its original, for a copy). */
  event: string | null;
  /** The id of the report it is a copy of; null for a report of the development set. */
  origin: string | null;
  kind: CopyKind | null;
}

export interface CopyScores {
  reports: number;
  copies: number;
  links: number;
  right: number;
  precision: number;
  recall: number;
  /** Recall per development set (the part of an id before `:`). */
  bySet: Record<string, { copies: number; found: number; recall: number }>;
  /** Recall per way of copying. */
  byKind: Record<CopyKind, { copies: number; found: number; recall: number }>;
  /** Links between two development reports of different gold events (wrong, in `links`). */
  acrossEvents: number;
  /** Links between two development reports of one gold event (not labelled, not scored). */
  betweenOriginals: { from: string; to: string }[];
}

const SENTENCE = /(?<=[.!?。！？؟])\s*|\n+/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

// What sites add around a wire story they carry.
const BOILERPLATE = [
  'Share this article: Facebook Twitter WhatsApp Email',
  '© 2026 All rights reserved. This material may not be published, broadcast or redistributed.',
  'Subscribe to our newsletter for the latest news.',
  'Reporting by our correspondents; editing by the news desk.',
  'Read more: top stories of the day',
  'Follow us on social media for breaking news updates.',
  'Advertisement',
];

function edit(rand: () => number, text: string): string {
  // Characters of unspaced scripts are edited one by one, words elsewhere.
  const unspaced = UNSPACED.test(text);
  const parts = unspaced ? [...text] : text.split(/(\s+)/);
  const words = parts.filter((p) => p.trim() !== '');
  const out: string[] = [];
  for (const p of parts) {
    if (p.trim() === '') {
      out.push(p);
      continue;
    }
    // A third of the figures updated.
    if (/^\d+$/.test(p) && rand() < 0.33) {
      out.push(String(Number(p) + 1 + Math.floor(rand() * 5)));
      continue;
    }
    // About 3 words in 100 changed, dropped or added.
    const r = rand();
    if (r < 0.015) out.push(words[Math.floor(rand() * words.length)]);
    else if (r < 0.025) continue;
    else if (r < 0.03) out.push(p, words[Math.floor(rand() * words.length)]);
    else out.push(p);
  }
  return out.join('');
}

function truncate(rand: () => number, text: string): string {
  const sentences = text.split(SENTENCE).filter((s) => s.trim() !== '');
  if (sentences.length < 3) return text.slice(0, Math.ceil(text.length * (0.6 + rand() * 0.3)));
  const keep = Math.max(2, Math.ceil(sentences.length * (0.5 + rand() * 0.4)));
  return sentences.slice(0, keep).join(UNSPACED.test(text) ? '' : ' ');
}

function boilerplate(rand: () => number, text: string): string {
  const pick = () => BOILERPLATE[Math.floor(rand() * BOILERPLATE.length)];
  const head = rand() < 0.5 ? `${pick()}\n` : '';
  const tail = Array.from({ length: 1 + Math.floor(rand() * 2) }, pick).join('\n');
  return `${head}${text}\n${tail}`;
}

function copyOf(rand: () => number, text: string, kind: CopyKind): string {
  switch (kind) {
    case 'edits':
      return edit(rand, text);
    case 'truncated':
      return truncate(rand, text);
    case 'boilerplate':
      return boilerplate(rand, text);
    case 'all three':
      return boilerplate(rand, truncate(rand, edit(rand, text)));
  }
}

/**
 * The labelled stream: every report in file order, and for a `share` of them one or two
 * copies, each 1–200 positions after its original.
 */
export function buildCopySet(reports: readonly Report[], seed = 1, share = 0.4): CopyItem[] {
  const rand = seededRandom(seed);
  const placed: { at: number; item: CopyItem }[] = reports.map((r, i) => ({
    at: i,
    item: { ...r, origin: null, kind: null },
  }));
  reports.forEach((r, i) => {
    if (rand() >= share) return;
    const n = rand() < 0.3 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const kind = COPY_KINDS[Math.floor(rand() * COPY_KINDS.length)];
      placed.push({
        at: i + 0.5 + Math.floor(rand() * 200),
        item: {
          ...r,
          id: `${r.id}~copy${k + 1}`,
          // Headlines are kept, or edited as the text is.
          title: kind !== 'truncated' && rand() < 0.5 ? edit(rand, r.title) : r.title,
          text: copyOf(rand, r.text, kind),
          origin: r.id,
          kind,
        },
      });
    }
  });
  return placed.sort((a, b) => a.at - b.at).map((p) => p.item);
}

/** Each item's link as the writer would make it: the first copy it is found a copy of, or null. */
export function linkCopies(items: readonly CopyItem[]): Map<string, string | null> {
  const index = new NearDuplicateIndex(DEFAULT_DUP_WINDOW);
  const links = new Map<string, string | null>();
  for (const item of items) {
    // As `process` fingerprints it: the normalised title and body (src/ingest/process.ts).
    const f = fingerprint(`${normalizeInline(item.title)}\n${normalizeText(item.text).text}`);
    if (!f) {
      links.set(item.id, null);
      continue;
    }
    const match = index.find(f);
    links.set(item.id, match?.original ?? null);
    index.add(item.id, f, match?.original ?? null);
  }
  return links;
}

export function scoreCopies(
  items: readonly CopyItem[],
  links: ReadonlyMap<string, string | null>,
): CopyScores {
  const originOf = new Map(items.map((i) => [i.id, i.origin ?? i.id]));
  const eventOf = new Map(items.map((i) => [i.id, i.event]));
  let wrongOriginals = 0;
  const bySet: CopyScores['bySet'] = {};
  const byKind = Object.fromEntries(
    COPY_KINDS.map((k) => [k, { copies: 0, found: 0, recall: 0 }]),
  ) as CopyScores['byKind'];
  let links_ = 0;
  let right = 0;
  let copies = 0;
  let found = 0;
  const betweenOriginals: { from: string; to: string }[] = [];
  for (const item of items) {
    const to = links.get(item.id) ?? null;
    // Right: the copy's original, another copy of it, or where the original itself was linked
    // (a development report can be a republication of an earlier one; links follow it).
    const ok =
      to !== null &&
      item.origin !== null &&
      (originOf.get(to) === item.origin || to === links.get(item.origin));
    if (to !== null && item.origin === null) {
      // Two development reports: a copy is always of the same event, so a link across gold
      // events is wrong; within one it is not labelled (the sets hold real republications) and
      // is listed apart.
      const other = eventOf.get(to) ?? null;
      if (item.event === null || other === null || other !== item.event) {
        links_++;
        wrongOriginals++;
      } else betweenOriginals.push({ from: item.id, to });
    } else if (to !== null) {
      links_++;
      if (ok) right++;
    }
    if (item.kind !== null) {
      const set = (bySet[item.id.split(':')[0]] ??= { copies: 0, found: 0, recall: 0 });
      copies++;
      set.copies++;
      byKind[item.kind].copies++;
      if (ok) {
        found++;
        set.found++;
        byKind[item.kind].found++;
      }
    }
  }
  for (const v of Object.values(bySet)) v.recall = v.found / v.copies;
  for (const k of COPY_KINDS)
    byKind[k].recall = byKind[k].copies ? byKind[k].found / byKind[k].copies : 0;
  return {
    reports: items.length,
    copies,
    links: links_,
    right,
    precision: links_ ? right / links_ : 1,
    recall: copies ? found / copies : 1,
    bySet,
    byKind,
    acrossEvents: wrongOriginals,
    betweenOriginals,
  };
}

export interface Report {
  id: string;
  lang: string;
  title: string;
  text: string;
  event: string | null;
}

/**
 * The reports of a JSON Lines development set, ids and events prefixed by the set's name. Read
 * as `ingest` reads them; a bad line is an error naming the file and line (the set is labelled
 * data: the evaluation does not go on without part of it).
 */
export function readReports(file: string): Report[] {
  const set = path.basename(file, '.jsonl');
  const { articles, rejections } = readFile(file);
  const bad = rejections[0];
  if (bad) throw new BabelwireError('E_USAGE', formatRejection(bad));
  const events = new Map(readGold(file).map((g) => [g.id, g.event]));
  return articles.map((a) => {
    const event = events.get(a.id);
    return {
      id: `${set}:${a.id}`,
      lang: a.lang ?? 'und',
      title: a.title,
      text: a.text,
      event: typeof event === 'string' ? `${set}:${event}` : null,
    };
  });
}

export function evalDuplicates(files: readonly string[], seed = 1): CopyScores {
  // The store takes an exact repeat (same normalised title and text) as a duplicate before any
  // of this runs; the English NTREX documents are in two of the sets.
  const seen = new Set<string>();
  const reports = files.flatMap(readReports).filter((r) => {
    const key = contentHash(r.title, r.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const items = buildCopySet(reports, seed);
  return scoreCopies(items, linkCopies(items));
}
