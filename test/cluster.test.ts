import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClusterFeatures } from '../src/cluster/features.ts';
import { OnlineClusterer } from '../src/cluster/index.ts';
import { DEFAULT_PARAMS } from '../src/cluster/params.ts';

/** A report as the clusterer sees it: unit-length term and concept vectors, undated. */
function report(id: string, terms: string[], concepts: string[]): ClusterFeatures {
  const unit = (keys: string[]) => new Map(keys.map((k) => [k, 1 / Math.sqrt(keys.length)]));
  return { id, lang: 'en', terms: unit(terms), anchors: [], concepts: unit(concepts), day: null };
}

const TOPIC = ['ryder', 'cup', 'europ', 'golf', 'team', 'usa', 'point', 'match'];

function cluster(agreement: number, second: ClusterFeatures): Map<string, string> {
  let n = 0;
  const clusterer = new OnlineClusterer(() => `e${n++}`, {
    ...DEFAULT_PARAMS,
    conceptAgreement: agreement,
  });
  clusterer.add(report('day2', TOPIC, ['g:ryder', 'n:10-6', 'p:fleetwood', 'd:saturdai']));
  clusterer.add(report('other', ['flood', 'rain', 'river'], ['g:flood', 'c:VN']));
  clusterer.add(second);
  return clusterer.assignments();
}

describe('cluster: same-language joins need concept agreement', () => {
  it('keeps apart two reports that share a topic’s words but not its figures and names', () => {
    const final = report('final', TOPIC, ['g:victori', 'n:16.5-10.5', 'p:bjorn', 'd:sundai']);
    const strict = cluster(DEFAULT_PARAMS.conceptAgreement, final);
    assert.notEqual(strict.get('final'), strict.get('day2'));
    // The same words alone, as before the agreement check, make one event of them.
    const loose = cluster(0, final);
    assert.equal(loose.get('final'), loose.get('day2'));
  });

  it('joins a report whose words and concepts both agree', () => {
    const same = report('same', TOPIC, ['g:ryder', 'n:10-6', 'p:fleetwood', 'd:saturdai']);
    const a = cluster(DEFAULT_PARAMS.conceptAgreement, same);
    assert.equal(a.get('same'), a.get('day2'));
    assert.notEqual(a.get('other'), a.get('day2'));
  });
});
