/**
 * Clustering quality: BCubed and pairwise precision/recall/F1, cross-lingual pairwise figures
 * and a breakdown per language pair. Follows the conventions of the benchmarks' reference
 * scorer (../shared/benchmarks/score.mjs): gold `event: null` is a singleton; a document with
 * no prediction is a singleton; P = 1 when no pair is predicted, R = 1 when gold has no pair.
 */

export interface GoldDoc {
  id: string;
  lang: string | null;
  event: string | null;
}

export interface PairFigures {
  gold: number;
  predicted: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  docs: number;
  bcubed: { precision: number; recall: number; f1: number };
  pairwise: PairFigures;
  crossLingual: PairFigures;
  byLanguagePair: Record<string, PairFigures>;
  clusters: { gold: number; predicted: number };
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

function figures(gold: number, predicted: number, tp: number): PairFigures {
  const precision = predicted > 0 ? tp / predicted : 1;
  const recall = gold > 0 ? tp / gold : 1;
  return { gold, predicted, tp, precision, recall, f1: f1(precision, recall) };
}

function groups(labels: string[]): Map<string, number[]> {
  const g = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = g.get(l);
    if (list) list.push(i);
    else g.set(l, [i]);
  });
  return g;
}

export function score(
  gold: readonly GoldDoc[],
  predicted: ReadonlyMap<string, string | null>,
): Scores {
  const n = gold.length;
  const goldLabels = gold.map((d, i) =>
    d.event === null ? `\u0000gold-singleton-${i}` : `g:${d.event}`,
  );
  const predLabels = gold.map((d, i) => {
    const p = predicted.get(d.id);
    return p === null || p === undefined ? `\u0000pred-singleton-${i}` : `p:${p}`;
  });
  const goldGroups = groups(goldLabels);
  const predGroups = groups(predLabels);
  const joint = groups(gold.map((_, i) => `${goldLabels[i]}\u0001${predLabels[i]}`));

  let bp = 0;
  let br = 0;
  for (const members of joint.values()) {
    const i = members[0];
    const both = members.length;
    bp += (both * both) / predGroups.get(predLabels[i])!.length;
    br += (both * both) / goldGroups.get(goldLabels[i])!.length;
  }
  const bcubedP = n > 0 ? bp / n : 1;
  const bcubedR = n > 0 ? br / n : 1;

  // Pair counts per language pair, by direct enumeration inside clusters (clusters are small).
  const byPair = new Map<string, { gold: number; predicted: number; tp: number }>();
  const bump = (key: string, field: 'gold' | 'predicted' | 'tp') => {
    let e = byPair.get(key);
    if (!e) {
      e = { gold: 0, predicted: 0, tp: 0 };
      byPair.set(key, e);
    }
    e[field]++;
  };
  const pairKey = (i: number, j: number) => {
    const a = gold[i].lang ?? '?';
    const b = gold[j].lang ?? '?';
    return a <= b ? `${a}-${b}` : `${b}-${a}`;
  };
  let goldPairs = 0;
  let predPairs = 0;
  let tp = 0;
  for (const members of goldGroups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        goldPairs++;
        bump(pairKey(members[x], members[y]), 'gold');
      }
    }
  }
  for (const members of predGroups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x], members[y]];
        predPairs++;
        const key = pairKey(i, j);
        bump(key, 'predicted');
        if (goldLabels[i] === goldLabels[j]) {
          tp++;
          bump(key, 'tp');
        }
      }
    }
  }
  const byLanguagePair: Record<string, PairFigures> = {};
  let xg = 0;
  let xp = 0;
  let xt = 0;
  for (const [key, c] of [...byPair].sort((a, b) => a[0].localeCompare(b[0]))) {
    byLanguagePair[key] = figures(c.gold, c.predicted, c.tp);
    const [a, b] = key.split('-');
    if (a !== b && a !== '?' && b !== '?') {
      xg += c.gold;
      xp += c.predicted;
      xt += c.tp;
    }
  }
  return {
    docs: n,
    bcubed: { precision: bcubedP, recall: bcubedR, f1: f1(bcubedP, bcubedR) },
    pairwise: figures(goldPairs, predPairs, tp),
    crossLingual: figures(xg, xp, xt),
    byLanguagePair,
    clusters: { gold: goldGroups.size, predicted: predGroups.size },
  };
}
