import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import { progress } from '../src/cli/progress.ts';
import { config } from '../src/config.ts';
import { BENCHMARKS, ROOT, tempDir } from './helpers.ts';

/** What a new user tripped over on the command line (issue 16), one test per paper cut. */

const BIN = path.join(ROOT, 'bin', 'babelwire');
const DEMO = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');
const NO_PACKS = tempDir();

function run(...args: string[]) {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, BABELWIRE_PACKS: NO_PACKS },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('commands that touch no store say so, and refuse --db', () => {
  const db = path.join(tempDir(), 's.db');

  it('packs list --json --db s.db: a clear message, exit 1, not "unknown option"', () => {
    for (const args of [
      ['packs', 'list', '--json', '--db', db],
      ['packs', '--db', db, 'list'],
      ['packs', 'install', 'vi', '--db', db],
      ['eval', DEMO, '--db', db],
      ['eval-facts', '--db', db],
    ]) {
      const r = run(...args);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, new RegExp(`${args[0]} touches no store; --db is not used`));
      assert.doesNotMatch(r.stderr, /unknown option/);
      assert.equal(r.stdout, '');
    }
    assert.equal(run('packs', 'list', '--json').code, 0);
  });

  it('their --help says they take no --db', () => {
    for (const args of [
      ['packs'],
      ['packs', 'list'],
      ['packs', 'import'],
      ['eval'],
      ['eval-facts'],
    ]) {
      const r = run(...args, '--help');
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`${args[0]} touches no store: it takes no --db`));
      assert.doesNotMatch(r.stdout, /--db <store>/);
    }
  });
});

describe('babelwire rejections lists what ingest rejected, and stats points to it', () => {
  const dir = tempDir();
  const db = path.join(dir, 'r.db');
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  const good = { id: 'r1', title: 'Ferry sinks', text: 'A ferry sank off Sulawesi, Indonesia.' };
  fs.writeFileSync(path.join(input, 'a.jsonl'), JSON.stringify(good) + '\n{oops\n');
  fs.writeFileSync(path.join(input, 'b.json'), JSON.stringify([{ ...good, id: 'r2' }, 7]));
  fs.writeFileSync(path.join(input, 'c.txt'), '');

  it('--json: file, line or item, code, reason and when, each once', () => {
    assert.equal(run('ingest', '--db', db, '--quiet', input).code, 2);
    assert.equal(run('ingest', '--db', db, '--quiet', input).code, 2);
    const r = run('rejections', '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(
      items.map(({ at, ...rest }) => {
        assert.ok(!Number.isNaN(Date.parse(String(at))), String(at));
        return { ...rest, file: path.basename(String(rest.file)) };
      }),
      [
        { file: 'a.jsonl', line: 2, item: null, code: 'E_JSON', reason: items[0].reason },
        {
          file: 'b.json',
          line: null,
          item: 2,
          code: 'E_NOT_OBJECT',
          reason: 'an article must be a JSON object',
        },
        {
          file: 'c.txt',
          line: null,
          item: null,
          code: 'E_EMPTY_FILE',
          reason: 'no articles: the file is empty',
        },
      ],
    );
    assert.match(String(items[0].reason), /^malformed JSON/);
  });

  it('in text, one line each as ingest printed it, with the time', () => {
    const lines = run('rejections', '--db', db).stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}.*a\.jsonl:2: malformed JSON/);
    assert.match(lines[1], /b\.json: item 2: an article must be a JSON object \[E_NOT_OBJECT\]$/);
    assert.match(lines[2], /c\.txt: no articles: the file is empty \[E_EMPTY_FILE\]$/);
  });

  it('stats says where to see them; none, no hint', () => {
    assert.match(
      run('stats', '--db', db).stdout,
      /rejected {2}3 \(see "babelwire rejections --db /,
    );
    const clean = path.join(dir, 'clean.db');
    fs.writeFileSync(path.join(dir, 'ok.jsonl'), JSON.stringify(good) + '\n');
    assert.equal(run('ingest', '--db', clean, '--quiet', path.join(dir, 'ok.jsonl')).code, 0);
    assert.match(run('stats', '--db', clean).stdout, /rejected {2}0\n$/);
    assert.equal(run('rejections', '--db', clean).stdout, 'no rejected inputs\n');
    assert.equal(run('rejections', '--db', clean, '--json').stdout, '[]\n');
  });
});

describe('progress: the first time-left estimate waits until the rate is known', () => {
  /**
   * Runs `steps` against a progress display on a stderr that is (or is not) a terminal, on a
   * clock the test moves; returns what each step wrote.
   */
  function watch(tty: boolean, steps: ((bar: ReturnType<typeof progress>) => void)[]): string[] {
    let clock = 1_000_000;
    mock.method(Date, 'now', () => clock);
    const stderr = process.stderr as unknown as { isTTY: boolean; write: unknown };
    const { isTTY, write } = stderr;
    const written: string[] = [];
    let chunk = '';
    stderr.isTTY = tty;
    stderr.write = (s: string | Uint8Array) => ((chunk += String(s)), true);
    try {
      const bar = progress();
      for (const step of steps) {
        step(bar);
        written.push(chunk);
        chunk = '';
        clock += 1000;
      }
      bar.stop();
    } finally {
      stderr.isTTY = isTTY;
      stderr.write = write;
      mock.restoreAll();
    }
    return written;
  }
  // 1000 articles: 1 done after loading the models, then 100 a second.
  const steps = [
    (bar: ReturnType<typeof progress>) => bar.grow(1000),
    (bar: ReturnType<typeof progress>) => bar.update(1),
    (bar: ReturnType<typeof progress>) => bar.update(101),
    (bar: ReturnType<typeof progress>) => bar.update(201),
  ];

  it('on a terminal, the bar shows no time left until 2 s after the first update', () => {
    const frames = watch(true, steps);
    assert.match(frames[0], /0\/1000 articles/);
    for (const f of frames.slice(0, 3)) assert.doesNotMatch(f, /left/);
    // (201 - 1) in 2 s: 100 a second, 799 to go.
    assert.match(frames[3], /201\/1000 articles \| 8 s left/);
  });

  it('off a terminal, likewise (and no rate until it is known)', () => {
    const progressMs = config.progressMs;
    config.progressMs = 0;
    try {
      const lines = watch(false, steps);
      assert.deepEqual(lines, [
        '',
        'babelwire: 1/1000 articles\n',
        'babelwire: 101/1000 articles\n',
        'babelwire: 201/1000 articles, 100.0/s, 8 s left\n',
      ]);
    } finally {
      config.progressMs = progressMs;
    }
  });
});

describe('Ctrl-C gives the terminal back, whatever the command', () => {
  // A real terminal: `script` (util-linux) runs the command on a pseudo-terminal, and ^C
  // typed into it is a SIGINT from the terminal, as a user's Ctrl-C is.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  const HIDE = '\u001b[?25l';
  const SHOW = '\u001b[?25h';

  /** Runs `args` on a terminal and types ^C once the screen matches `when`. */
  function interrupt(
    args: string[],
    when: RegExp,
  ): Promise<{ code: number | null; screen: string }> {
    const command = [BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, BABELWIRE_PACKS: NO_PACKS },
    });
    let screen = '';
    let typed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('latin1');
      if (!typed && when.test(screen)) {
        typed = true;
        child.stdin.write('\u0003');
      }
    });
    return new Promise((resolve) =>
      child.on('exit', (code) => {
        clearTimeout(guard);
        resolve({ code, screen });
      }),
    );
  }

  // Each stops before its end: cluster dies of the signal at the end of the batch in hand (it
  // did not hear it until the last batch was done: nothing in it waited on I/O), ingest commits
  // the batch in flight and says so.
  for (const [name, args, when, early] of [
    [
      'cluster',
      ['cluster', path.join(BENCHMARKS, 'itn-dev.jsonl'), '--out', path.join(tempDir(), 'p.jsonl')],
      / 500\/1297 articles/,
      /^(?![\s\S]*clustered \d+ articles)/,
    ],
    [
      'ingest',
      ['ingest', DEMO, '--db', path.join(tempDir(), 'i.db'), '--commit-every', '1'],
      / 1\/62 articles/,
      /stopped early/,
    ],
  ] as const) {
    it(
      `${name}: the cursor is shown again and the exit status is 130`,
      { skip: !hasScript },
      async () => {
        const { code, screen } = await interrupt([...args], when);
        const hidden = screen.lastIndexOf(HIDE);
        assert.ok(hidden >= 0, 'the bar was drawn');
        assert.ok(
          screen.indexOf(SHOW, hidden) > hidden,
          `cursor left hidden: ${JSON.stringify(screen.slice(-300))}`,
        );
        assert.ok(screen.indexOf('\u001b[?7h', hidden) > hidden, 'line wrapping left off');
        assert.equal(code, 130);
        assert.match(screen, early);
      },
    );
  }
});

describe('events: filters are checked, dates mean event days, --until and --country exist', () => {
  const dir = tempDir();
  const db = path.join(dir, 'e.db');
  const file = path.join(dir, 'e.jsonl');
  fs.writeFileSync(
    file,
    [
      {
        id: 'd1',
        lang: 'en',
        published: '2021-03-09',
        title: 'Police fire tear gas at fuel protest in Nairobi',
        text: 'Police in Nairobi, Kenya, fired tear gas at thousands protesting a rise in fuel prices.',
      },
      {
        id: 'd2',
        lang: 'en',
        published: '2020-10-06',
        title: 'Protesters storm parliament in Bishkek',
        text: 'Protesters stormed the parliament in Bishkek, Kyrgyzstan, after a disputed election.',
      },
      {
        id: 'u1',
        lang: 'en',
        title: 'Old ferry sinks off the coast of Tanzania',
        text: 'An old ferry sank off the coast of Tanzania; dozens were rescued by fishermen.',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  const ids = (...args: string[]) => {
    const r = run('events', '--db', db, '--json', ...args);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { articles: string[] }[]).flatMap((e) => e.articles).sort();
  };

  it('ingests', () => assert.equal(run('ingest', file, '--db', db, '--quiet').code, 0));

  it('--limit 0 and --lang xx are refused, naming the option', () => {
    const zero = run('events', '--db', db, '--limit', '0');
    assert.equal(zero.code, 1);
    assert.match(zero.stderr, /--limit/);
    const lang = run('events', '--db', db, '--lang', 'xx');
    assert.equal(lang.code, 1);
    assert.match(lang.stderr, /ISO 639/);
    assert.equal(lang.stdout, '');
  });

  it('--since and --until keep undated events out unless --undated', () => {
    assert.deepEqual(ids('--since', '2021-01-01'), ['d1']);
    assert.deepEqual(ids('--until', '2020-12-31'), ['d2']);
    assert.deepEqual(ids('--since', '2021-01-01', '--undated'), ['d1', 'u1']);
    assert.equal(run('events', '--db', db, '--since', '2021-02-30').code, 1);
  });

  it('--country takes an ISO code or a name in another language', () => {
    assert.deepEqual(ids('--country', 'KG'), ['d2']);
    assert.deepEqual(ids('--country', 'ke'), ['d1']);
    assert.deepEqual(ids('--country', 'Kirguistán'), ['d2']);
    const bad = run('events', '--db', db, '--country', 'Atlantis');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /country/);
  });
});
