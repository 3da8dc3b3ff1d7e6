import type { LanguageData } from '../types.ts';

/** Ukrainian stop words: stopwords-iso's 73 and the prepositions, pronouns and particles it lacks (`на`, `не`, `за`, `у`). */
const STOPWORDS =
  'авжеж адже але б без був була були було бути більш вам вас весь вздовж ви вниз внизу вона вони воно все всередині всіх від він да давай давати де дещо для до з завжди замість й коли ледве майже ми навколо навіть нам от отже отож поза про під та так такий також те ти тобто тож тощо хоча це цей чи чого що як який якої є із інших їх її на не за у в і а щоб через після перш ще сказав сказала може можуть його їй їм нього неї них цього цієї ці цих вже лише тільки також раніше'.split(
    ' ',
  );

export const uk: LanguageData = {
  code: 'uk',
  stopwords: STOPWORDS,
  segmenter: 'words',
  inflectsNames: true,
};
