import type { Scores } from '../eval/score.ts';
import type { EventFacts } from '../facts/index.ts';
import type { StoredEvent } from '../store/types.ts';
import type { StoredArticle } from '../types.ts';

const f3 = (x: number) => x.toFixed(3);

export function dateSpan(e: StoredEvent): string {
  if (!e.firstDate) return 'undated';
  return e.firstDate === e.lastDate ? e.firstDate : `${e.firstDate} – ${e.lastDate}`;
}

export function formatEventLine(e: StoredEvent): string {
  const who = e.names.length ? `\n    names: ${e.names.join(', ')}` : '';
  const where = e.countries.length ? `\n    countries: ${e.countries.join(', ')}` : '';
  return (
    `${e.id}  ${e.title} [${e.titleLang}]\n` +
    `    ${e.articleCount} report${e.articleCount === 1 ? '' : 's'} in ${e.languages.join(', ')}; ${dateSpan(e)}` +
    who +
    where
  );
}

export function formatEvent(
  e: StoredEvent,
  articles: readonly StoredArticle[],
  facts?: EventFacts,
): string {
  const lines = [
    formatEventLine(facts ? { ...e, title: facts.title.title, titleLang: facts.title.lang } : e),
  ];
  if (facts) {
    for (const s of facts.summary) lines.push(`    > ${s.sentence} [${s.lang} ${s.articleId}]`);
    if (facts.entities.length) {
      const who = facts.entities.map(
        (e) =>
          `${e.name} (${e.kind}${e.lat !== undefined ? ` ${e.country} ${e.lat.toFixed(2)},${e.lon?.toFixed(2)}` : ''}, ${e.mentions}× in ${e.reports} report${e.reports === 1 ? '' : 's'}, ${e.languages.join('/')})`,
      );
      lines.push(`    who/where: ${who.join('; ')}`);
    }
    lines.push(`    type: ${facts.type.type}${facts.type.cue ? ` (cue: ${facts.type.cue})` : ''}`);
    for (const f of facts.figures) {
      const range = f.min === f.max ? String(f.min) : `${f.min}–${f.max}`;
      const who = f.reports.map(
        (r) =>
          `${r.qualifier === 'exact' ? '' : r.qualifier + ' '}${r.value} [${r.lang}] ${r.articleId}`,
      );
      lines.push(`    ${f.kind}: ${range}  (${who.join('; ')})`);
    }
  }
  lines.push('');
  for (const a of articles) {
    lines.push(`  [${a.lang}] ${a.id}  ${a.published ?? 'undated'}  ${a.title}`);
    const lead = a.text.split('\n')[0] ?? '';
    if (lead) lines.push(`      ${lead.length > 160 ? lead.slice(0, 157) + '…' : lead}`);
  }
  lines.push('', `  made by: ${e.provenance.join(', ')}`);
  return lines.join('\n');
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
