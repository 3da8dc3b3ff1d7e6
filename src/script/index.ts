import * as OpenCC from 'opencc-js/t2cn';
import type { Stage } from '../pipeline.ts';

/**
 * One script per language where a language is written in two: Chinese reports in Traditional
 * characters (`肯亞`, `諾貝爾`) are converted to Simplified (`肯亚`, `诺贝尔`) with OpenCC's
 * phrase tables (npm `opencc-js`), so that the segmenter, the CC-CEDICT glosses, the country and
 * city tables and the transliteration table (all Simplified) read them. The original stays in
 * rawTitle/rawText.
 */
let toSimplified: ((text: string) => string) | null = null;

export function simplifiedChinese(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

export const scriptStage: Stage = {
  name: 'script@1',
  requires: ['title', 'text', 'lang'],
  assigns: ['title', 'text'],
  run(article) {
    if (article.lang !== 'zh') return article;
    return {
      ...article,
      title: simplifiedChinese(article.title),
      text: simplifiedChinese(article.text),
    };
  },
};
