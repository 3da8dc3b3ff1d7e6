import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ISO = require('stopwords-iso') as Record<string, string[]>;

/**
 * stopwords-iso's Malay and Indonesian lists contain content words (kerajaan, polis, amerika),
 * which would erase exactly the words news clustering needs; for them we keep a short list of
 * function words instead.
 */
const MALAY_INDONESIAN = `ada adalah akan akan agar antara apa apabila atas atau bagi bahawa bahwa
 banyak baru bawah beberapa belum berkata bila boleh bisa dalam dan dari daripada dengan di dia
 hanya harus hingga ia ialah ini itu jika juga kami kata katanya ke kepada kerana karena lagi
 lain lebih mereka namun oleh pada para pula saat sahaja saja sama sampai sangat satu sebagai
 sebelum sedang sejak selepas sementara serta setelah sudah supaya tahun telah tentang tetapi
 tidak turut untuk yang masih yakni iaitu kita kamu anda saya beliau pun lalu mana mengatakan
 sebanyak tersebut seperti secara hari`;

const cache = new Map<string, Set<string>>();

export function stopwords(lang: string): Set<string> {
  let set = cache.get(lang);
  if (!set) {
    const words =
      lang === 'ms' || lang === 'id' ? MALAY_INDONESIAN.split(/\s+/) : (ISO[lang] ?? []);
    set = new Set(words.map((w) => w.toLowerCase().normalize('NFC')).filter(Boolean));
    cache.set(lang, set);
  }
  return set;
}
