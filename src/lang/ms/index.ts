import type { LanguageData } from '../types.ts';

/**
 * Malay, and Indonesian with it (the registry sends `id` here): one language for clustering,
 * with the same titles and institution words. Where the two spell a word differently, both
 * forms are listed.
 */
export const ms: LanguageData = {
  code: 'ms',
  segmenter: 'words',
  spacedWords: true,
  // stopwords-iso's Malay and Indonesian lists contain content words (kerajaan, polis,
  // amerika), which would erase exactly the words news clustering needs: function words only.
  stopwords: `ada adalah akan akan agar antara apa apabila atas atau bagi bahawa bahwa
    banyak baru bawah beberapa belum berkata bila boleh bisa dalam dan dari daripada dengan di dia
    hanya harus hingga ia ialah ini itu jika juga kami kata katanya ke kepada kerana karena lagi
    lain lebih mereka namun oleh pada para pula saat sahaja saja sama sampai sangat satu sebagai
    sebelum sedang sejak selepas sementara serta setelah sudah supaya tahun telah tentang tetapi
    tidak turut untuk yang masih yakni iaitu kita kamu anda saya beliau pun lalu mana mengatakan
    sebanyak tersebut seperti secara hari`.split(/\s+/),
  multipliers: [
    [/^\s*ribu(?!\p{L})/iu, 1e3],
    [/^\s*juta(?!\p{L})/iu, 1e6],
    [/^\s*(bilion|miliar)(?!\p{L})/iu, 1e9],
  ],
  calendar: {
    months: [
      ['januari'],
      ['februari'],
      ['mac', 'maret'],
      ['april'],
      ['mei'],
      ['jun'],
      ['julai', 'juli'],
      ['ogos', 'agustus'],
      ['september'],
      ['oktober'],
      ['november'],
      ['disember', 'desember'],
    ],
    weekdays: [
      ['ahad', 'minggu'],
      ['isnin', 'senin'],
      ['selasa'],
      ['rabu'],
      ['khamis', 'kamis'],
      ['jumaat', 'jumat'],
      ['sabtu'],
    ],
    capitalised: true,
    alsoNames: ['mac', 'mei', 'jun'],
  },
  entityCues: {
    person: `presiden, perdana menteri, menteri, encik, puan, datuk, dato, tan sri, ketua,
      pemimpin, gabenor, jurucakap, raja, jeneral, calon, bekas presiden, hakim, bapak, ibu`,
    org: `parti, partai, kementerian, kesatuan, majlis, jawatankuasa, suruhanjaya, komisi, bank,
      universiti, universitas, agensi, badan, syarikat, perusahaan, kumpulan, pertubuhan,
      persatuan, gerakan`,
    place: `bandar, kota, kampung, desa, wilayah, daerah, pulau, negeri, provinsi, ibu kota,
      kabupaten, kecamatan, penduduk`,
  },
};
