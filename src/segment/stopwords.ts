import { createRequire } from 'node:module';
import { languageData } from '../lang/index.ts';

const require = createRequire(import.meta.url);
const ISO = require('stopwords-iso') as Record<string, string[]>;

const cache = new Map<string, Set<string>>();

export function stopwords(lang: string): Set<string> {
  let set = cache.get(lang);
  if (!set) {
    // A language's own list (src/lang/) replaces stopwords-iso's.
    const words = languageData(lang).stopwords ?? ISO[lang] ?? [];
    set = new Set(words.map((w) => w.toLowerCase().normalize('NFC')).filter(Boolean));
    cache.set(lang, set);
  }
  return set;
}
