import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AliasTable, NO_ALIASES } from '../src/anchors/aliases.ts';
import { Pipeline, type Stage } from '../src/pipeline.ts';
import { createDefaultPipeline } from '../src/stages.ts';
import type { Article } from '../src/types.ts';

function input(id: string, title: string, text: string, lang: string | null): Article {
  return {
    id,
    idDerived: false,
    title,
    text,
    lang,
    published: null,
    url: null,
    source: null,
    origin: { file: 'test', line: 1 },
  };
}

// Reports written for this test: transliterated names jieba's dictionary lacks.
const ZH_A = input(
  'a',
  '反对派领导人阿塔姆巴耶夫会见奥通巴耶娃',
  '反对派领导人阿塔姆巴耶夫和奥通巴耶娃宣布成立临时政府，萨里耶夫表示支持。',
  'zh',
);
const ZH_B = input(
  'b',
  '总统巴基耶夫飞往奥什',
  '总统巴基耶夫已乘专机飞到了南部城市奥什，阿塔姆巴耶夫说他必须辞职。',
  'zh',
);

describe('pipeline: run(article, ctx) is a function of its arguments', () => {
  const pipeline = createDefaultPipeline();
  before(() => pipeline.init());

  it('gives an article the same record whatever was processed before it', () => {
    const fresh = createDefaultPipeline();
    const alone = fresh.run(ZH_B, { aliases: NO_ALIASES });
    pipeline.run(ZH_A, { aliases: NO_ALIASES });
    const after = pipeline.run(ZH_B, { aliases: NO_ALIASES });
    assert.deepEqual(after, alone);
    assert.ok(after.terms?.includes('巴基耶夫'), after.terms?.join('|'));
  });

  it('keeps user words in the pipeline built with them', async () => {
    // A place name of everyday characters: no transliteration run, so only a user word keeps it.
    const text = input('c', '', '官员在青龙湾村召开会议。', 'zh');
    const withWords = createDefaultPipeline({ zhWords: ['青龙湾村'] });
    await withWords.init();
    assert.ok(withWords.run(text, { aliases: NO_ALIASES }).terms?.includes('青龙湾村'));
    assert.ok(!pipeline.run(text, { aliases: NO_ALIASES }).terms?.includes('青龙湾村'));
  });

  it('groups the Vietnamese words it was given', async () => {
    const text = input('d', '', 'Hội đồng Bảo an họp khẩn cấp về Kyrgyzstan.', 'vi');
    const withWords = createDefaultPipeline({ viWords: ['Hội đồng Bảo an'] });
    await withWords.init();
    assert.ok(withWords.run(text, { aliases: NO_ALIASES }).terms?.includes('hội đồng bảo an'));
    assert.ok(!pipeline.run(text, { aliases: NO_ALIASES }).terms?.includes('hội đồng bảo an'));
  });

  it('reads learned aliases from the context only', () => {
    const aliases = new AliasTable();
    aliases.load([{ form: '萨里耶夫', lang: 'zh', canonical: 'sariev', support: 2 }]);
    assert.ok(pipeline.run(ZH_A, { aliases }).anchors?.names.includes('sariev'));
    assert.ok(!pipeline.run(ZH_A, { aliases: NO_ALIASES }).anchors?.names.includes('sariev'));
  });

  it('passes the context to every stage', () => {
    const seen: unknown[] = [];
    const probe: Stage = {
      name: 'probe@1',
      requires: ['text'],
      assigns: [],
      run(article, ctx) {
        seen.push(ctx);
        return article;
      },
    };
    const ctx = { aliases: NO_ALIASES };
    Pipeline.create([probe, probe]).run(ZH_A, ctx);
    assert.deepEqual(seen, [ctx, ctx]);
  });
});
