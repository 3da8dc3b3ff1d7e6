import { countryOfWord } from '../anchors/countries.ts';
import { nameKey } from '../anchors/names.ts';
import { chineseNameRuns, nameSkeleton } from '../anchors/translit.ts';
import { normalizeArabic, stripArabicProclitic } from '../segment/arabic.ts';
import { stopwords } from '../segment/stopwords.ts';

/**
 * People or organisations: what the words around a name say it is. A title before it
 * (`President`, `Tổng thống`, `总统`, `الرئيس`, `президент`) makes a person; an institution word
 * in or beside it (`Party`, `Đảng`, `党`, `حزب`, `партия`) or an acronym (`NATO`, `ОДКБ`) makes an
 * organisation. A name with no cue stays unclassified rather than guessed.
 *
 * Reads a report's text and language; gives one mention per name occurrence, with the id the
 * entity list uses (`name:SKELETON` for a single name word, `org:KEY` for a multi-word
 * organisation or an acronym) and the kind that mention's context votes for.
 */
export type NameKind = 'person' | 'organisation';

export interface NameMention {
  surface: string;
  id: string;
  kind: NameKind | null;
  /** How sure the cue is: 1 for a title or institution word, 0.5 for a first-name pattern. */
  weight: number;
}

interface Cues {
  /** Titles and forms of address that come right before a person's name (lower case). */
  person: string;
  /** Institution words that precede, follow or are part of an organisation's name. */
  org: string;
}

// Comma-separated phrases: a cue may be several words (`prime minister`, `tổng thống`).
const CUES: Record<string, Cues> = {
  en: {
    person: `president, prime minister, foreign minister, minister, mr, mrs, ms, dr, leader,
      premier, chancellor, king, queen, prince, senator, governor, mayor, general, gen, sir,
      lady, spokesman, spokeswoman, secretary, chief, judge, ex-president, former president,
      lawmaker, activist, candidate, pope, ambassador`,
    org: `party, ministry, union, council, committee, commission, organisation, organization,
      bank, university, agency, corporation, corp, inc, ltd, group, front, movement, federation,
      association, institute, airlines, army, court, company`,
  },
  vi: {
    person: `tổng thống, thủ tướng, ông, bà, chủ tịch, lãnh đạo, bộ trưởng, tướng,
      người phát ngôn, cựu tổng thống, nghị sĩ, ứng viên, thẩm phán`,
    org: `đảng, bộ, tổ chức, liên minh, ngân hàng, hội đồng, ủy ban, công ty, hãng, hãng tin,
      đại học, thông tấn xã, tập đoàn`,
  },
  es: {
    person: `presidente, presidenta, ministro, ministra, primer ministro, primera ministra, sr,
      sra, señor, señora, líder, expresidente, canciller, general, rey, reina, don, doña,
      portavoz, alcalde, gobernador, senador, juez, jueza`,
    org: `partido, ministerio, organización, banco, comité, consejo, universidad, agencia, unión,
      frente, movimiento, federación, asociación, empresa, grupo`,
  },
  fr: {
    person: `président, présidente, ministre, premier ministre, m, mme, monsieur, madame, chef,
      dirigeant, dirigeante, leader, ex-président, général, roi, reine, porte-parole, maire,
      sénateur, juge`,
    org: `parti, ministère, organisation, banque, comité, conseil, université, agence, union,
      front, mouvement, fédération, association, entreprise, groupe`,
  },
  de: {
    person: `präsident, präsidentin, kanzler, kanzlerin, minister, ministerin, herr, frau, chef,
      chefin, general, könig, königin, ministerpräsident, sprecher, sprecherin, bürgermeister,
      richter, richterin`,
    org: `partei, ministerium, organisation, bank, komitee, rat, universität, agentur, union,
      bewegung, verband, gruppe, konzern`,
  },
  ru: {
    person: `президент, президента, премьер, премьер-министр, министр, лидер, лидера, глава,
      господин, г-н, экс-президент, экс-президента, спикер, депутат, генерал, король,
      председатель, оппозиционер, кандидат, судья`,
    org: `партия, партии, министерство, организация, организации, союз, банк, комитет, совет,
      агентство, движение, федерация, ассоциация, группа, компания`,
  },
};

const phraseSet = (list: string) =>
  new Set(
    list
      .split(',')
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );

const ZH_PERSON =
  `总统 总理 主席 领导人 外长 部长 议员 先生 女士 夫人 国王 首相 将军 发言人 候选人 大使`.split(
    ' ',
  );
const ZH_ORG = `党 组织 委员会 银行 公司 大学 集团 联盟 通讯社 运动 协会`.split(' ');

const AR_PERSON = `الرئيس رئيس زعيم السيد السيدة الوزير وزير النائب المعارض الجنرال الملك الأمير
  المتحدث رئيسة الزعيم المرشح السفير`
  .split(/\s+/)
  .map(normalizeArabic);
const AR_ORG = `حزب منظمة وزارة مجلس حركة شركة بنك جامعة وكالة اتحاد جبهة`
  .split(/\s+/)
  .map(normalizeArabic);

/** Words that make a capitalised run a place (`Han River`, `Lac Kivu`), not a person. */
const PLACE_WORDS = new Set(
  `river lake mount mountain mountains bay island islands sea ocean gulf strait province district
  county region street road avenue square bridge valley coast park airport station port desert
  fleuve rivière lac mont île mer golfe rue pont vallée aéroport río lago monte isla mar golfo
  calle plaza puente valle aeropuerto fluss see berg insel meer straße platz brücke flughafen
  река озеро гора остров море залив улица площадь мост аэропорт`.split(/\s+/),
);

const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^[\p{Lu}]{2,6}$/u;
/**
 * Capitals that name no actor of the event: Roman numerals, times and zones, and the photo
 * agencies that captions credit (`Ảnh: AFP`).
 */
const NOT_ACRONYM = /^(?:[IVXLC]+|AM|PM|OK|TV|GMT|UTC|AFP|AP|EPA)$/;

/** True when `words` (lower case, in order) end with one of `phrases`. */
function endsWithCue(words: readonly string[], phrases: ReadonlySet<string>): boolean {
  for (let n = 1; n <= Math.min(3, words.length); n++)
    if (phrases.has(words.slice(words.length - n).join(' '))) return true;
  return false;
}

/** How many leading `words` form one of `phrases` (0 if none). */
function leadingCue(words: readonly string[], phrases: ReadonlySet<string>): number {
  for (let n = Math.min(3, words.length); n >= 1; n--)
    if (phrases.has(words.slice(0, n).join(' ').toLowerCase())) return n;
  return 0;
}

function casedMentions(text: string, lang: string): NameMention[] {
  const cues = CUES[lang] ?? CUES.en;
  const person = phraseSet(cues.person);
  const org = phraseSet(cues.org);
  const stop = new Set([...stopwords(lang), ...stopwords('en')]);
  const mentions: NameMention[] = [];
  for (const line of text.replace(/_/g, ' ').split('\n')) {
    const tokens = [...line.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu)];
    // French and Italian elide articles onto the name (`l'OTSC`, `d'Ata-Jourt`).
    const words = tokens.map((m) => m[0].replace(/^[ldLD]['’](?=\p{Lu})/u, ''));
    const gap = (k: number) =>
      k <= 0
        ? ''
        : line.slice((tokens[k - 1].index ?? 0) + tokens[k - 1][0].length, tokens[k].index);
    // The words before position k in the same clause (a title's full stop, `Mr.`, is no break).
    const clauseBefore = (k: number) => {
      const out: string[] = [];
      for (let b = k - 1; b >= 0 && out.length < 3; b--) {
        const g = gap(b + 1);
        const lower = words[b].toLowerCase();
        if (!/^\s*$/.test(g) && !(/^\.\s*$/.test(g) && person.has(lower))) break;
        out.unshift(lower);
      }
      return out;
    };
    for (let i = 0; i < words.length;) {
      if (!CAPITALISED.test(words[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < words.length && CAPITALISED.test(words[j]) && /^\s*$/.test(gap(j))) j++;
      let run = words.slice(i, j);
      const before = clauseBefore(i);
      const after = words
        .slice(j, j + 2)
        .filter((_, k) => /^\s*$/.test(gap(j + k)))
        .map((w) => w.toLowerCase());
      let sentenceStart = i === 0 || /[.!?:"“”«»]\s*$/.test(gap(i));
      i = j;
      // Articles and other function words capitalised at a sentence start are not the name.
      while (run.length > 1 && stop.has(run[0].toLowerCase())) {
        run = run.slice(1);
        sentenceStart = false;
      }
      let personCue = endsWithCue(before, person);
      // `the Ata Meken opposition party`: one modifier may stand between name and institution word.
      let orgCue =
        endsWithCue(before, org) ||
        leadingCue(after, org) > 0 ||
        leadingCue(after.slice(1), org) > 0;
      // Titles written in capitals (`Prime Minister Boronov`, `Tổng thống`) are cues, not names.
      for (let n = leadingCue(run, person); n > 0 && n < run.length; n = leadingCue(run, person)) {
        personCue = true;
        run = run.slice(n);
        sentenceStart = false;
      }
      for (const w of run) {
        if (!ACRONYM.test(w) || NOT_ACRONYM.test(w)) continue;
        mentions.push({
          surface: w,
          id: `org:${nameKey(w).toUpperCase()}`,
          kind: 'organisation',
          weight: 1,
        });
      }
      run = run.filter((w) => !ACRONYM.test(w) || NOT_ACRONYM.test(w));
      if (run.length === 0) continue;
      if (run.some((w, k) => leadingCue(run.slice(k), org) > 0)) orgCue = true;
      if (orgCue && run.length > 1) {
        const key = run.map(nameKey).join(' ');
        mentions.push({
          surface: run.join(' '),
          id: `org:${key}`,
          kind: 'organisation',
          weight: 1,
        });
      }
      const place = run.some((w) => PLACE_WORDS.has(w.toLowerCase()));
      const kind: NameKind | null = orgCue ? 'organisation' : personCue && !place ? 'person' : null;
      // A sentence's first word is capitalised anyway: it neither names nor counts as a given name.
      // Country names are places, in one word (`Nga`) or two (`Trung Quốc`, China).
      const countryWords = new Set<number>();
      run.forEach((w, k) => {
        if (countryOfWord(w, lang)) countryWords.add(k);
        if (k > 0 && countryOfWord(`${run[k - 1]} ${w}`, lang)) countryWords.add(k - 1).add(k);
      });
      const names = (sentenceStart && !kind && run.length > 1 ? run.slice(1) : run).filter(
        (w) => !countryWords.has(run.indexOf(w)),
      );
      // Two or more plain name words in a row read as given name and family name.
      // A one-letter word is no given name (`Trung Á`, Central Asia).
      const weak = !kind && !place && names.filter((w) => [...w].length >= 2).length >= 2;
      for (const w of names) {
        if (org.has(w.toLowerCase())) continue;
        const s = nameSkeleton(w);
        mentions.push({
          surface: w,
          id: `name:${s ?? nameKey(w)}`,
          kind: kind ?? (weak ? 'person' : null),
          weight: kind ? 1 : 0.5,
        });
      }
    }
  }
  return mentions;
}

function chineseMentions(text: string): NameMention[] {
  const compact = text.replace(/\s+/g, '');
  const mentions: NameMention[] = [];
  for (const run of new Set(chineseNameRuns(compact))) {
    const s = nameSkeleton(run);
    if (!s) continue;
    for (let at = compact.indexOf(run); at >= 0; at = compact.indexOf(run, at + run.length)) {
      const before = compact.slice(Math.max(0, at - 4), at);
      const after = compact.slice(at + run.length, at + run.length + 3);
      const org = ZH_ORG.some((c) => after.startsWith(c));
      const person = ZH_PERSON.some(
        (c) => before.endsWith(c) || before.slice(0, -1).endsWith(c) || after.startsWith(c),
      );
      mentions.push({
        surface: run,
        id: `name:${s}`,
        kind: org ? 'organisation' : person ? 'person' : null,
        weight: 1,
      });
    }
  }
  return mentions;
}

function arabicMentions(text: string, nameForms: ReadonlySet<string>): NameMention[] {
  const words = (text.match(/\p{Script=Arabic}+/gu) ?? []).map(normalizeArabic);
  const mentions: NameMention[] = [];
  words.forEach((w, i) => {
    const bare = stripArabicProclitic(w);
    if (!nameForms.has(bare)) return;
    const s = nameSkeleton(bare);
    if (!s) return;
    const before = words.slice(Math.max(0, i - 2), i).map(stripArabicProclitic);
    const near = (cues: string[]) =>
      before.some((b) => cues.some((c) => b === c || b === stripArabicProclitic(c)));
    const org = near(AR_ORG);
    const person = near(AR_PERSON);
    mentions.push({
      surface: bare,
      id: `name:${s}`,
      kind: org ? 'organisation' : person ? 'person' : null,
      weight: 1,
    });
  });
  return mentions;
}

/**
 * Name mentions of one text with the kind their context votes for. `nameForms` are the
 * Arabic name forms the anchors stage found (Arabic names are the words a dictionary lacks).
 */
export function nameMentions(
  text: string,
  lang: string,
  nameForms: readonly string[] = [],
): NameMention[] {
  if (lang === 'zh' || lang === 'ja') return chineseMentions(text);
  if (lang === 'ar' || lang === 'fa') return arabicMentions(text, new Set(nameForms));
  return casedMentions(text, lang);
}

/** The kind most of an entity's mentions vote for, or null when they do not say or disagree evenly. */
export function voteKind(votes: { person: number; organisation: number }): NameKind | null {
  if (votes.person > votes.organisation) return 'person';
  if (votes.organisation > votes.person) return 'organisation';
  return null;
}
