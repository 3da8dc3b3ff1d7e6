import { nameSkeleton } from './translit.ts';

/**
 * A table of name aliases that grows as the store sees the same name beside the same event.
 * When a report in a non-Latin script joins an event, each of its foreign name forms
 * (`萨里耶夫`, an Arabic word the lexicon does not know) is paired with the event's Latin names
 * whose skeleton is at most one consonant class away (`Sariyev`). A pair seen in
 * MIN_SUPPORT different events becomes an alias: later reports carrying the form get the Latin
 * name as an anchor, so they match exactly, not only by skeleton.
 */
export const MIN_SUPPORT = 2;

export interface AliasRow {
  form: string;
  lang: string;
  canonical: string;
  support: number;
}

/** Levenshtein distance between two short skeletons. */
export function skeletonDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(
        dp[i - 1][j] + 1,
        dp[i][j - 1] + 1,
        dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return dp[a.length][b.length];
}

/** What the anchors stage asks of the learned aliases (src/pipeline.ts ProcessContext). */
/** One event in which a form was seen beside a name: what an alias's support counts. */
export interface AliasObservation {
  form: string;
  lang: string;
  canonical: string;
  eventId: string;
}

export interface AliasLookup {
  lookup(form: string, lang: string): string | null;
}

/** No learned aliases: for one-off runs (tests, bench, scripts) outside a store. */
export const NO_ALIASES: AliasLookup = { lookup: () => null };

export class AliasTable implements AliasLookup {
  private readonly rows = new Map<string, AliasRow>();
  /** Which events already counted for a pair (support counts events, not reports). */
  private readonly seenIn = new Map<string, Set<string>>();

  private key(form: string, lang: string, canonical: string): string {
    return `${lang}\u0001${form}\u0001${canonical}`;
  }

  /**
   * Restores a table from the store: its rows and the events each pair was counted in, so
   * that a report in an event already counted does not count again after a restart.
   */
  load(rows: Iterable<AliasRow>, observations: Iterable<AliasObservation> = []): void {
    for (const r of rows) this.rows.set(this.key(r.form, r.lang, r.canonical), { ...r });
    for (const o of observations) {
      const k = this.key(o.form, o.lang, o.canonical);
      const events = this.seenIn.get(k) ?? new Set<string>();
      events.add(o.eventId);
      this.seenIn.set(k, events);
    }
  }

  clear(): void {
    this.rows.clear();
    this.seenIn.clear();
  }

  /** The Latin name a foreign form stands for, once the alias has enough support. */
  lookup(form: string, lang: string): string | null {
    let best: AliasRow | null = null;
    for (const r of this.rows.values()) {
      if (
        r.form === form &&
        r.lang === lang &&
        r.support >= MIN_SUPPORT &&
        // Ties go to the first name in code-point order, not to whichever row came first,
        // so a table read back from a store answers as the one that learned it.
        (!best ||
          r.support > best.support ||
          (r.support === best.support && r.canonical < best.canonical))
      )
        best = r;
    }
    return best?.canonical ?? null;
  }

  /**
   * Learns from one report placed in one event: pairs its foreign forms with the event's Latin
   * names that sound alike. Returns the rows whose support changed (to be stored).
   */
  observe(
    eventId: string,
    lang: string,
    forms: readonly string[],
    latinNames: readonly string[],
  ): AliasRow[] {
    const changed: AliasRow[] = [];
    for (const form of forms) {
      const fs = nameSkeleton(form);
      if (!fs) continue;
      for (const name of latinNames) {
        const ns = nameSkeleton(name);
        if (!ns || ns === fs || skeletonDistance(fs, ns) > 1) continue;
        const k = this.key(form, lang, name);
        const events = this.seenIn.get(k) ?? new Set<string>();
        if (events.has(eventId)) continue;
        events.add(eventId);
        this.seenIn.set(k, events);
        const row = this.rows.get(k) ?? { form, lang, canonical: name, support: 0 };
        row.support++;
        this.rows.set(k, row);
        changed.push({ ...row });
      }
    }
    return changed;
  }

  entries(): AliasRow[] {
    return [...this.rows.values()];
  }
}
