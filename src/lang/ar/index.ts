import type { LanguageData } from '../types.ts';

export const ar: LanguageData = {
  code: 'ar',
  segmenter: 'arabic',
  nameForms: 'unknown-words',
  nameWords: { pattern: /\p{Script=Arabic}{4,}/gu, minLength: 4 },
  mentions: 'arabic-forms',
  shortCountryNames: true,
  multipliers: [
    [/^\s*(ألف|آلاف|الاف)(?!\p{L})/u, 1e3],
    [/^\s*مليون(?!\p{L})/u, 1e6],
    [/^\s*مليار(?!\p{L})/u, 1e9],
  ],
  relativeDays: [
    [['أمس', 'الأمس'], -1],
    [['اليوم'], 0],
  ],
  calendar: {
    weekdays: [
      ['الأحد'],
      ['الاثنين'],
      ['الثلاثاء'],
      ['الأربعاء'],
      ['الخميس'],
      ['الجمعة'],
      ['السبت'],
    ],
  },
  figureCues: {
    killed: /قتيل|قتلى|قتلوا|مقتل|حتفه|حتفهم|وفاة|وفيات|شهيد|شهداء|لقي|لقوا/,
    injured: /جريح|جرحى|جريحا|مصاب|مصابين|إصابة|إصابات|أصيب/,
    arrested: /اعتقال|معتقل|اعتقل|موقوف|توقيف|احتجاز|محتجز/,
    crowd: /متظاهر|محتج|آلاف الأشخاص|مشارك/,
  },
  qualifiers: { atLeast: ['على الأقل'], moreThan: ['أكثر من'], about: ['نحو', 'حوالي'] },
  captionLabels: ['صورة', 'الصورة'],
  boilerplate: [/^اقرأ أيضا/u, /^اقرأ أيضاً/u],
  proclitics: ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'],
  // Written as the text writes them; the entity finder normalises the orthography.
  entityCues: {
    person: `الرئيس, رئيس, زعيم, السيد, السيدة, الوزير, وزير, النائب, المعارض, الجنرال, الملك,
      الأمير, المتحدث, رئيسة, الزعيم, المرشح, السفير`,
    org: `حزب, منظمة, وزارة, مجلس, حركة, شركة, بنك, جامعة, وكالة, اتحاد, جبهة`,
    place: `مدينة, بلدة, قرية, محافظة, جزيرة, منطقة, إقليم, ولاية, العاصمة, عاصمة, سكان`,
  },
};
