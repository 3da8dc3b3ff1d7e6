import type { Scores } from '../eval/score.ts';
import type { EventRow, EventView } from '../query/index.ts';

const f3 = (x: number) => x.toFixed(3);

export function dateSpan(e: EventRow): string {
  if (!e.firstDate) return 'undated';
  return e.firstDate === e.lastDate ? e.firstDate : `${e.firstDate} – ${e.lastDate}`;
}

/** How many of an event's reports are copies of others (src/dedup/), when any are. */
function copies(e: EventRow): string {
  const n = e.copyCount ?? 0;
  return n === 0 ? '' : ` (${e.articleCount - n} independent, ${n} cop${n === 1 ? 'y' : 'ies'})`;
}

/** An event in two to four lines: id, title, reports, languages, dates, names, countries. */
export function formatEventLine(e: EventRow): string {
  const who = e.names.length ? `\n    names: ${e.names.join(', ')}` : '';
  const where = e.countries.length ? `\n    countries: ${e.countries.join(', ')}` : '';
  return (
    `${e.id}  ${e.title} [${e.titleLang}]\n` +
    `    ${e.articleCount} report${e.articleCount === 1 ? '' : 's'}${copies(e)} in ${e.languages.join(', ')}; ${dateSpan(e)}` +
    who +
    where
  );
}

/** `show`: the event line, summary, who/where, type, figures, then every report. */
export function formatEvent(view: EventView): string {
  const lines = [formatEventLine(view)];
  for (const s of view.summary) lines.push(`    > ${s.sentence} [${s.lang} ${s.articleId}]`);
  if (view.entities.length) {
    const who = view.entities.map(
      (e) =>
        `${e.name} (${e.kind}${e.lat !== undefined ? ` ${e.country} ${e.lat.toFixed(2)},${e.lon?.toFixed(2)}` : ''}, ${e.mentions}× in ${e.reports} report${e.reports === 1 ? '' : 's'}, ${e.languages.join('/')})`,
    );
    lines.push(`    who/where: ${who.join('; ')}`);
  }
  lines.push(`    type: ${view.type.type}${view.type.cue ? ` (cue: ${view.type.cue})` : ''}`);
  for (const f of view.figures) {
    const who = f.reports.map(
      (r) =>
        `${r.qualifier === 'exact' ? '' : r.qualifier + ' '}${r.value} [${r.lang}] ${r.articleId}`,
    );
    lines.push(`    ${f.kind}: ${figureRange(f)}  (${who.join('; ')})`);
  }
  lines.push('');
  for (const a of view.reports) {
    lines.push(`  [${a.lang}] ${a.id}  ${a.published ?? 'undated'}  ${a.title}`);
    const lead = a.text.split('\n')[0] ?? '';
    if (lead) lines.push(`      ${lead.length > 160 ? lead.slice(0, 157) + '…' : lead}`);
    lines.push(`      why: ${formatWhy(a.why)}`);
    if (a.duplicateOf)
      lines.push(`      copy of ${a.duplicateOf}: its figures and sentences count once`);
  }
  for (const c of view.history) {
    const what =
      c.kind === 'move' ? `moved ${c.articleId} from ${c.fromEvent}` : `merged ${c.fromEvent} in`;
    lines.push(`  corrected: ${what} (${c.by}, ${c.at})`);
  }
  lines.push('', `  made by: ${view.provenance.join(', ')}`);
  return lines.join('\n');
}

/** What a report shares with the rest of its event, in one line. */
export function formatWhy(w: EventView['reports'][number]['why']): string {
  const parts = [`similarity ${w.similarity.toFixed(2)}`];
  const add = (label: string, xs: readonly string[]) => {
    if (xs.length) parts.push(`${label} ${xs.join(', ')}`);
  };
  add('names', w.names);
  add('numbers', w.numbers);
  add('dates', w.dates);
  add('places', w.places);
  add('concepts', w.concepts);
  if (w.corrected) parts.push('put here by a person');
  return parts.join('; ');
}

/** `12` or `12–15`: a figure across reports. */
export function figureRange(f: { min: number; max: number }): string {
  return f.min === f.max ? String(f.min) : `${f.min}–${f.max}`;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** The eval report: overall figures, then pairwise recall/precision per language pair. */
export function formatScores(file: string, s: Scores, shuffledOrders: Scores[]): string {
  const out: string[] = [];
  const withMean = (get: (x: Scores) => number) =>
    shuffledOrders.length
      ? `${f3(get(s))}  (mean of ${shuffledOrders.length} shuffled orders ${f3(mean(shuffledOrders.map(get)))})`
      : f3(get(s));
  out.push(`${file}: ${s.docs} reports`);
  out.push(
    `  BCubed     P ${f3(s.bcubed.precision)}  R ${f3(s.bcubed.recall)}  F1 ${withMean((x) => x.bcubed.f1)}`,
  );
  out.push(
    `  pairwise   P ${f3(s.pairwise.precision)}  R ${f3(s.pairwise.recall)}  F1 ${withMean((x) => x.pairwise.f1)}`,
  );
  const crossMeans = shuffledOrders.length
    ? `  (shuffled mean P ${f3(mean(shuffledOrders.map((x) => x.crossLingual.precision)))} R ${f3(mean(shuffledOrders.map((x) => x.crossLingual.recall)))})`
    : '';
  out.push(
    `  cross-lang P ${f3(s.crossLingual.precision)}  R ${f3(s.crossLingual.recall)}  F1 ${f3(s.crossLingual.f1)}  (${s.crossLingual.gold} gold pairs)${crossMeans}`,
  );
  out.push(`  events     predicted ${s.clusters.predicted}  gold ${s.clusters.gold}`);
  out.push('  per language pair (pairwise):');
  out.push('    pair        gold   pred     tp  recall  precision');
  for (const [pair, p] of Object.entries(s.byLanguagePair)) {
    if (p.gold === 0 && p.predicted === 0) continue;
    // A pair no shuffled order predicted has precision 1 by the scorer's convention, as here.
    const meanR = shuffledOrders.length
      ? `  (shuffled mean R ${f3(mean(shuffledOrders.map((x) => x.byLanguagePair[pair]?.recall ?? 1)))}` +
        ` P ${f3(mean(shuffledOrders.map((x) => x.byLanguagePair[pair]?.precision ?? 1)))})`
      : '';
    out.push(
      `    ${pair.padEnd(10)} ${String(p.gold).padStart(6)} ${String(p.predicted).padStart(6)} ${String(p.tp).padStart(6)}  ${f3(p.recall)}   ${f3(p.precision)}${meanR}`,
    );
  }
  return out.join('\n');
}

/** `--json` output: indented, one trailing newline. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
