import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { eventDate, resolveDates } from '../src/facts/dates.ts';
import { datelineDate } from '../src/facts/dateline.ts';
import { normalizeText } from '../src/normalize/index.ts';
import { ROOT, sample } from './helpers.ts';
import { scoreDates, type DateCase } from '../src/facts/eval.ts';
import fs from 'node:fs';

const dates = (text: string, lang: string, pub: string | null) =>
  resolveDates(text, lang, pub).map((d) => d.date);

describe('time: date expressions resolved against the publication date', () => {
  it('relative days in several languages', () => {
    assert.deepEqual(dates('Ông ấy nói hôm qua', 'vi', '2005-03-22'), ['2005-03-21']);
    assert.deepEqual(dates('昨天发生骚乱', 'zh', '2010-04-08'), ['2010-04-07']);
    assert.deepEqual(dates('وقع الانفجار أمس', 'ar', '2020-10-06'), ['2020-10-05']);
    assert.deepEqual(dates('Взрыв произошёл вчера', 'ru', '2020-10-06'), ['2020-10-05']);
    assert.deepEqual(dates('The vote was held yesterday', 'en', '2020-10-06'), ['2020-10-05']);
  });

  it('weekdays: the last such day on or before publication', () => {
    // 2020-10-06 was a Tuesday.
    assert.deepEqual(dates('in a statement on Tuesday', 'en', '2020-10-06'), ['2020-10-06']);
    assert.deepEqual(dates("after Sunday's election", 'en', '2020-10-06'), ['2020-10-04']);
    assert.deepEqual(dates('فجر الثلاثاء', 'ar', '2020-10-08'), ['2020-10-06']);
  });

  it('days and months without a year take the year of publication (or the one before)', () => {
    assert.deepEqual(dates('hôm 13/3', 'vi', '2005-03-22'), ['2005-03-13']);
    assert.deepEqual(dates('5 октября', 'ru', '2020-10-06'), ['2020-10-05']);
    assert.deepEqual(dates('hôm 28/12', 'vi', '2021-01-03'), ['2020-12-28']);
    assert.deepEqual(dates('吉尔吉斯斯坦7日发生骚乱', 'zh', '2010-04-08'), ['2010-04-07']);
  });

  it('without a publication date only dates with their own year count', () => {
    assert.deepEqual(dates('hôm qua, ngày 5 tháng 10 năm 2020', 'vi', null), ['2020-10-05']);
    assert.equal(eventDate('hôm qua', 'vi', null), null);
  });

  it('picks the day most mentioned in the week before publication (sample 002)', () => {
    assert.equal(eventDate(normalizeText(sample('002')).text, 'zh', '2010-04-08'), '2010-04-07');
  });
});

describe('time: labelled sentences (examples/facts/dates.jsonl, 6 languages)', () => {
  it('resolves event dates with precision ≥ 0.9', () => {
    const file = path.join(ROOT, 'examples', 'facts', 'dates.jsonl');
    const cases = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DateCase);
    const s = scoreDates(cases);
    process.stdout.write(
      `# dates: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} (${cases.length} sentences)\n`,
    );
    assert.ok(s.precision >= 0.9, s.errors.join('\n'));
    assert.ok(s.recall >= 0.85, s.errors.join('\n'));
  });
});

describe('publication date from a dateline', () => {
  it('reads a real dateline and nothing else', () => {
    assert.equal(
      datelineDate('HANOI, 5 October 2020 (Reuters) - Floods hit the centre.', 'en'),
      '2020-10-05',
    );
    assert.equal(datelineDate('新华社北京2020年10月5日电 记者报道', 'zh'), '2020-10-05');
    assert.equal(
      datelineDate('On 5 October 2020 protesters stormed the parliament in Bishkek.', 'en'),
      null,
      'a date in the first sentence is the event, not the publication',
    );
    assert.equal(datelineDate('GENEVA, 5 October 2099 - A future date.', 'en'), null);
  });
});
