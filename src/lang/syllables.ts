/**
 * One romanised syllable: an optional onset, a vowel nucleus and an optional coda, as Vietnamese
 * syllables are built (and, near enough, pinyin and romanised Korean). Vietnamese, Chinese and
 * Korean names are written syllable by syllable (`Đinh La Thăng`, `Kim Jong Un`), so a name key
 * that is one such syllable is a part of a name (`dinh`, `jong`) that many unrelated people
 * share, not a name. Diacritics are stripped before the test, as name keys are.
 */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|oai|oay|uoi|uay|ieu|yeu|uou|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uy|ye|a|e|i|o|u|y)(ch|nh|ng|c|m|n|p|t|i|y|o|u)?$/;

export function isSingleSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}
