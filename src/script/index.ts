import * as OpenCC from 'opencc-js/t2cn';
import { languageData } from '../lang/index.ts';
import { joinUnderscoredWords } from '../normalize/index.ts';
import type { Stage } from '../pipeline.ts';

/**
 * One way of writing per language, once the language is known:
 * - Chinese reports in Traditional characters (`肯亞`, `諾貝爾`) are converted to Simplified
 *   (`肯亚`, `诺贝尔`) with OpenCC's phrase tables (npm `opencc-js`), so that the segmenter, the
 *   CC-CEDICT glosses, the country and city tables and the transliteration table (all
 *   Simplified) read them;
 * - Vietnamese words other pipelines joined by `_` (`bầu_cử`) are written apart again; in any
 *   other language `_` stays (`@dele_official`, `TP_615`).
 * The original stays in rawTitle/rawText.
 */
let toSimplified: ((text: string) => string) | null = null;

export function simplifiedChinese(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

export const scriptStage: Stage = {
  name: 'script@2',
  requires: ['title', 'text', 'lang'],
  assigns: ['title', 'text', 'captions'],
  run(article) {
    const data = languageData(article.lang ?? '');
    const convert = (s: string) => {
      let out = s;
      if (data.joinsUnderscoredWords) out = joinUnderscoredWords(out);
      if (data.simplifiesScript) out = simplifiedChinese(out);
      return out;
    };
    if (!data.joinsUnderscoredWords && !data.simplifiesScript) return article;
    return {
      ...article,
      title: convert(article.title),
      text: convert(article.text),
      ...(article.captions && { captions: article.captions.map(convert) }),
    };
  },
};
