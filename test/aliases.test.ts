import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AliasTable, MIN_SUPPORT, skeletonDistance } from '../src/anchors/aliases.ts';

describe('alias table', () => {
  it('measures skeleton distance', () => {
    assert.equal(skeletonDistance('SLB', 'SLKB'), 1);
    assert.equal(skeletonDistance('SMBKB', 'SMBKB'), 0);
    assert.equal(skeletonDistance('BSK', 'TMB'), 3);
  });

  it('becomes an alias only after the pair is seen in MIN_SUPPORT different events', () => {
    const table = new AliasTable();
    // 萨里耶夫 (sa-li-ye-fu: SLB) beside a Latin `Sarkiyev` (SLKB): one class apart.
    table.observe('ev-1', 'zh', ['萨里耶夫'], ['sarkiyev']);
    table.observe('ev-1', 'zh', ['萨里耶夫'], ['sarkiyev']); // same event: no new support
    assert.equal(table.lookup('萨里耶夫', 'zh'), null);
    table.observe('ev-2', 'zh', ['萨里耶夫'], ['sarkiyev']);
    assert.equal(MIN_SUPPORT, 2);
    assert.equal(table.lookup('萨里耶夫', 'zh'), 'sarkiyev');
    assert.equal(table.lookup('萨里耶夫', 'ar'), null, 'aliases are per language');
  });

  it('never pairs names that sound different, or identical skeletons (those match already)', () => {
    const table = new AliasTable();
    for (const ev of ['a', 'b', 'c'])
      table.observe(ev, 'zh', ['萨里耶夫'], ['jeenbekov', 'sariyev']);
    assert.equal(table.lookup('萨里耶夫', 'zh'), null);
    assert.equal(table.entries().length, 0);
  });

  it('reloads what the store kept', () => {
    const table = new AliasTable();
    table.load([{ form: 'جينبيكوف', lang: 'ar', canonical: 'jeenbekov', support: 3 }]);
    assert.equal(table.lookup('جينبيكوف', 'ar'), 'jeenbekov');
  });
});
