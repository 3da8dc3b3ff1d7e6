import { stemmer as ar } from '@orama/stemmers/arabic';
import { stemmer as da } from '@orama/stemmers/danish';
import { stemmer as de } from '@orama/stemmers/german';
import { stemmer as el } from '@orama/stemmers/greek';
import { stemmer as es } from '@orama/stemmers/spanish';
import { stemmer as fi } from '@orama/stemmers/finnish';
import { stemmer as fr } from '@orama/stemmers/french';
import { stemmer as ga } from '@orama/stemmers/irish';
import { stemmer as hu } from '@orama/stemmers/hungarian';
import { stemmer as hy } from '@orama/stemmers/armenian';
import { stemmer as id } from '@orama/stemmers/indonesian';
import { stemmer as it } from '@orama/stemmers/italian';
import { stemmer as lt } from '@orama/stemmers/lithuanian';
import { stemmer as ne } from '@orama/stemmers/nepali';
import { stemmer as nl } from '@orama/stemmers/dutch';
import { stemmer as no } from '@orama/stemmers/norwegian';
import { stemmer as pt } from '@orama/stemmers/portuguese';
import { stemmer as ro } from '@orama/stemmers/romanian';
import { stemmer as ru } from '@orama/stemmers/russian';
import { stemmer as sr } from '@orama/stemmers/serbian';
import { stemmer as sv } from '@orama/stemmers/swedish';
import { stemmer as ta } from '@orama/stemmers/tamil';
import { stemmer as tr } from '@orama/stemmers/turkish';
import { stemmer as uk } from '@orama/stemmers/ukrainian';
// English uses wooorm's Porter stemmer: @orama's cuts -tion words short (election -> elec,
// elect -> elect), which splits a noun from its verb and English from every gloss.
import { stemmer as en } from 'stemmer';

/**
 * Snowball stemmers by ISO 639-1 code. Malay shares the Indonesian stemmer (same morphology).
 * Bulgarian is left out: @orama/stemmers 3.1 throws on Cyrillic input in its Bulgarian stemmer.
 */
export const STEMMERS: Readonly<Record<string, (word: string) => string>> = {
  ar,
  da,
  de,
  el,
  en,
  es,
  fi,
  fr,
  ga,
  hu,
  hy,
  id,
  ms: id,
  it,
  lt,
  ne,
  nl,
  no,
  nb: no,
  pt,
  ro,
  ru,
  sr,
  sv,
  ta,
  tr,
  uk,
};
