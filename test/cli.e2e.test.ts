import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readGold } from '../src/eval/run.ts';
import { score } from '../src/eval/score.ts';
import { ROOT, sample, tempDir } from './helpers.ts';

const BIN = path.join(ROOT, 'bin', 'babelwire');
const DEMO = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');

// No packs: the CLI must work with anchors alone, whatever the machine has installed.
const NO_PACKS = tempDir();

function run(...args: string[]) {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, BABELWIRE_PACKS: NO_PACKS },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface EventItem {
  id: string;
  title: string;
  languages: string[];
  articles: string[];
}

describe('babelwire CLI end to end (real SQLite file)', () => {
  const dir = tempDir();
  const db = path.join(dir, 'e2e.db');

  it('demo ingests the bundled corpus and prints events', () => {
    const r = run('demo', '--db', db);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ev-\d{6} /);
    assert.match(r.stderr, /62 added/);
  });

  it('events --json lists events whose clustering matches the demo gold labels', () => {
    const r = run('events', '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    const events = JSON.parse(r.stdout) as EventItem[];
    for (const e of events) {
      assert.ok(e.id && e.title && e.languages.length > 0 && e.articles.length > 0);
    }
    assert.ok(
      events.some((e) => e.languages.length >= 3),
      'some event is reported in 3+ languages',
    );
    const predicted = new Map<string, string | null>();
    for (const e of events) for (const a of e.articles) predicted.set(a, e.id);
    const s = score(readGold(DEMO), predicted);
    assert.ok(s.bcubed.f1 >= 0.75, `demo BCubed F1 ${s.bcubed.f1.toFixed(3)}`);
  });

  it('events list whole names (Trần Văn Minh), not their words one by one', () => {
    const events = JSON.parse(run('events', '--db', db, '--json').stdout) as (EventItem & {
      names: string[];
    })[];
    const daNang = events.filter((e) => e.names.some((n) => /Minh/.test(n)));
    assert.ok(daNang.length > 0, 'an event names Trần Văn Minh');
    for (const e of daNang) {
      assert.ok(
        e.names.some((n) => n === 'Trần Văn Minh' || n === 'Tran Van Minh'),
        e.names.join(', '),
      );
      assert.ok(!e.names.includes('Minh') && !e.names.includes('Tran'), e.names.join(', '));
    }
    const nairobi = events.find((e) => e.names.some((n) => /Kamau/.test(n)));
    assert.ok(nairobi?.names.includes('Wanjiru Kamau'), nairobi?.names.join(', '));
  });

  it('re-ingesting the same articles changes nothing', () => {
    const before = JSON.parse(run('stats', '--db', db, '--json').stdout) as Record<string, unknown>;
    const r = run('ingest', '--db', db, DEMO);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /0 added, 62 already stored/);
    const after = JSON.parse(run('stats', '--db', db, '--json').stdout) as Record<string, unknown>;
    assert.deepEqual(after, before);
    assert.deepEqual(Object.keys(after).slice(0, 3), ['articles', 'events', 'languages']);
  });

  it('bad input: one message per bad line, exit code 2, the rest stored, nothing lost', () => {
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(
      bad,
      [
        JSON.stringify({
          id: 'new-1',
          title: 'Ferry sinks off Sulawesi',
          text: 'A ferry carrying 120 people sank off Sulawesi, Indonesia.',
          lang: 'en',
        }),
        '{not json',
        JSON.stringify({ id: 'new-2', title: '', text: '' }),
      ].join('\n'),
    );
    const r = run('ingest', '--db', db, bad);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: malformed JSON`),
    );
    assert.match(r.stderr, /bad\.jsonl:3: empty article/);
    const stats = JSON.parse(run('stats', '--db', db, '--json').stdout) as {
      articles: number;
      rejected: number;
    };
    assert.equal(stats.articles, 63);
    assert.equal(stats.rejected, 2);
  });

  it('stories link the demo events that continue one another, and timeline lists them', () => {
    const r = run('stories', '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    const stories = JSON.parse(r.stdout) as { id: string; eventIds: string[] }[];
    const events = JSON.parse(run('events', '--db', db, '--json').stdout) as EventItem[];
    const gold = new Map(readGold(DEMO).map((g) => [g.id, g.event]));
    const goldOf = (eventId: string) =>
      new Set(events.find((e) => e.id === eventId)!.articles.map((a) => gold.get(a)));
    // The Almaty metro strike (demo-03), its settlement (demo-04) and the court fine (demo-05).
    const almaty = stories.find((s) => s.eventIds.some((id) => goldOf(id).has('demo-03')));
    assert.ok(almaty, 'the Almaty story exists');
    const golds = new Set(almaty.eventIds.flatMap((id) => [...goldOf(id)]));
    assert.ok(golds.has('demo-04') && golds.has('demo-05'));
    assert.ok(!golds.has('demo-01'), 'the Da Nang floods are another story');
    const t = run('timeline', almaty.id, '--db', db);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /2026-08-04/);
  });

  it('links the Kyrgyz upheavals of 2005, 2010 and 2020 into one story, Kazakhstan 2022 apart', () => {
    // The samples carry no dates; a feed would. These are the months ../shared/samples/README.md gives.
    const published: Record<string, string> = {
      '000': '2005-03-21',
      '001': '2022-01-06',
      '002': '2010-04-08',
      '003': '2020-10-06',
      '004': '2020-10-06',
    };
    const file = path.join(dir, 'samples-dated.jsonl');
    fs.writeFileSync(
      file,
      Object.entries(published)
        .map(([id, date]) => JSON.stringify({ id, text: sample(id), published: date }))
        .join('\n') + '\n',
    );
    const samplesDb = path.join(dir, 'samples.db');
    assert.equal(run('ingest', file, '--db', samplesDb).code, 0);
    const events = JSON.parse(run('events', '--db', samplesDb, '--json').stdout) as EventItem[];
    const eventOf = (id: string) => events.find((e) => e.articles.includes(id))!.id;
    const stories = JSON.parse(run('stories', '--db', samplesDb, '--json').stdout) as {
      eventIds: string[];
    }[];
    const kyrgyz = stories.find((s) => s.eventIds.includes(eventOf('000')));
    assert.ok(kyrgyz, 'the 2005 events are part of a story');
    for (const id of ['002', '003']) assert.ok(kyrgyz.eventIds.includes(eventOf(id)), id);
    assert.ok(!kyrgyz.eventIds.includes(eventOf('001')), 'Kazakhstan 2022 is another story');
  });

  it('show --json follows schema/event.schema.json', () => {
    const events = JSON.parse(run('events', '--db', db, '--json').stdout) as EventItem[];
    const schema = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'schema', 'event.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const e of events.slice(0, 5)) {
      const shown = JSON.parse(
        run('show', e.id, '--db', db, '--json', '--lang', 'vi').stdout,
      ) as unknown;
      assert.ok(validate(shown), JSON.stringify(validate.errors));
    }
  });

  it('export writes events, articles and facts as CSV and JSON Lines', () => {
    const out = path.join(dir, 'export');
    assert.equal(run('export', '--db', db, '--format', 'csv', '--out', out).code, 0);
    const csv = fs.readFileSync(path.join(out, 'articles.csv'), 'utf8').trim().split('\n');
    assert.ok(csv[0].startsWith('article_id,event_id,lang'));
    assert.equal(run('export', '--db', db, '--format', 'jsonl', '--out', out).code, 0);
    const events = fs.readFileSync(path.join(out, 'events.jsonl'), 'utf8').trim().split('\n');
    const stats = JSON.parse(run('stats', '--db', db, '--json').stdout) as { events: number };
    assert.equal(events.length, stats.events);
    assert.ok(fs.readFileSync(path.join(out, 'facts.jsonl'), 'utf8').includes('"kind":"killed"'));
    const entities = fs.readFileSync(path.join(out, 'entities.jsonl'), 'utf8');
    assert.match(entities, /"kind":"city","name":"Almaty".*"country":"KZ","lat":43\.\d+/);
  });

  it('lists a report that has no title by the first line of its text', () => {
    const file = path.join(dir, 'untitled.jsonl');
    const text = 'Ferry capsizes on Lake Kivu, 12 missing.\nRescuers searched through the night.';
    fs.writeFileSync(file, JSON.stringify({ id: 'untitled-1', text }) + '\n');
    const untitledDb = path.join(dir, 'untitled.db');
    assert.equal(run('ingest', file, '--db', untitledDb).code, 0);
    const events = JSON.parse(run('events', '--db', untitledDb, '--json').stdout) as EventItem[];
    assert.equal(events[0].title, 'Ferry capsizes on Lake Kivu, 12 missing.');
  });

  it('show prints one event with every report', () => {
    const events = JSON.parse(run('events', '--db', db, '--json').stdout) as EventItem[];
    const multi = events.find((e) => e.languages.length >= 2)!;
    const r = run('show', multi.id, '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    const shown = JSON.parse(r.stdout) as { reports: { id: string; lang: string }[] };
    assert.deepEqual(shown.reports.map((a) => a.id).sort(), [...multi.articles].sort());
    assert.equal(run('show', 'ev-999999', '--db', db).code, 1);
  });

  it('cluster writes one prediction per input line and never reads gold labels', () => {
    const input = path.join(dir, 'labelled.jsonl');
    const lines = fs.readFileSync(DEMO, 'utf8').trim().split('\n').slice(0, 10);
    // Every article gets the same bogus gold label: a clusterer that read it would merge all.
    fs.writeFileSync(
      input,
      lines.map((l) => JSON.stringify({ ...JSON.parse(l), event: 'same' })).join('\n'),
    );
    const out = path.join(dir, 'pred.jsonl');
    const r = run('cluster', input, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    const preds = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; event: string });
    assert.equal(preds.length, 10);
    assert.ok(new Set(preds.map((p) => p.event)).size > 1);
  });

  it('packs: import a file the user points at, then list it', () => {
    const packs = tempDir();
    const tsv = path.join(dir, 'tiny-vi.tsv');
    fs.writeFileSync(tsv, 'bầu cử\t<ol><li>to elect</li></ol>\nlũ lụt\t<ol><li>flood</li></ol>\n');
    const env = { ...process.env, BABELWIRE_PACKS: packs };
    const imported = spawnSync(BIN, ['packs', 'import', 'wiktionary-tsv', tsv, '--lang', 'vi'], {
      encoding: 'utf8',
      env,
    });
    assert.equal(imported.status, 0, imported.stderr);
    const listed = spawnSync(BIN, ['packs', 'list', '--json'], { encoding: 'utf8', env });
    const list = JSON.parse(listed.stdout) as { lang: string; entries: number }[];
    assert.deepEqual(
      list.map((p) => [p.lang, p.entries]),
      [['vi', 2]],
    );
    const bad = spawnSync(BIN, ['packs', 'install', 'xx'], { encoding: 'utf8', env });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /packs import/);
  });

  it('eval --orders reports shuffled-order means of precision as well as recall', () => {
    const r = run('eval', DEMO, '--orders', '2', '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      crossLingual: { precision: number };
      byLanguagePair: Record<string, { gold: number }>;
      shuffled: {
        orders: number;
        crossLingualPrecisionMean: number;
        byLanguagePairMean: Record<string, { recall: number; precision: number }>;
      };
    };
    assert.equal(out.shuffled.orders, 2);
    assert.ok(
      out.shuffled.crossLingualPrecisionMean > 0 && out.shuffled.crossLingualPrecisionMean <= 1,
    );
    const crossPairs = Object.keys(out.byLanguagePair).filter((p) => {
      const [a, b] = p.split('-');
      return a !== b && out.byLanguagePair[p].gold > 0;
    });
    assert.ok(crossPairs.length > 0, 'the demo corpus has cross-lingual gold pairs');
    for (const pair of crossPairs) {
      const m = out.shuffled.byLanguagePairMean[pair];
      assert.ok(m.precision >= 0 && m.precision <= 1 && m.recall >= 0 && m.recall <= 1, pair);
    }
    const text = run('eval', DEMO, '--orders', '2');
    assert.match(text.stdout, /cross-lang P .*\(shuffled mean P \d\.\d{3} R \d\.\d{3}\)/);
    assert.match(text.stdout, /\(shuffled mean R \d\.\d{3} P \d\.\d{3}\)/);
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    // eval writes its report per file and per order, so `head` is gone before the last write.
    const r = spawnSync(
      'bash',
      ['-c', `"${BIN}" eval "${DEMO}" --orders 1 | head -1; exit \${PIPESTATUS[0]}`],
      { encoding: 'utf8', cwd: ROOT, env: { ...process.env, BABELWIRE_PACKS: NO_PACKS } },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /corpus\.jsonl: 62 reports/);
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
  });

  it('--version is the version of package.json and of the latest CHANGELOG entry', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.equal(run('--version').stdout.trim(), pkg.version);
    assert.equal(/^## (\S+)/m.exec(changelog)?.[1], pkg.version);
  });

  it('a path that does not exist is an error of the command, before anything is stored', () => {
    const db2 = path.join(tempDir(), 'missing.db');
    const r = run('ingest', '--db', db2, DEMO, path.join(dir, 'nonexistent.jsonl'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /nonexistent\.jsonl: no such file or folder/);
    assert.doesNotMatch(r.stderr, /rejected/);
    assert.ok(!fs.existsSync(db2) || !/\b[1-9]\d* added/.test(r.stderr));
  });

  it('documents every command in --help', () => {
    const r = run('--help');
    for (const cmd of [
      'ingest',
      'events',
      'show',
      'stats',
      'rejections',
      'cluster',
      'eval',
      'demo',
      'packs',
      'check',
      'backup',
      'restore',
    ]) {
      assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
      assert.equal(run(cmd, '--help').code, 0);
    }
  });
});
