import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import {
  EXPORT_FORMATS,
  exportTables,
  formatTable,
  type ExportFormat,
  type ExportTables,
} from '../../query/index.ts';
import { dbOption, say, withStore } from '../context.ts';

function exportFormat(value: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(value)) {
    throw new BabelwireError('E_CHOICE', 'format', value, EXPORT_FORMATS.join(' or '));
  }
  return value as ExportFormat;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('export')
      .description(
        'Write events, articles and facts (figures) as tables for analysis tools: events.*, articles.*, facts.*',
      )
      .option('--format <format>', 'jsonl or csv', 'jsonl')
      .option('--out <dir>', 'folder to write into', 'babelwire-export'),
  ).action(async (opts: { db: string; format: string; out: string }) => {
    // Checked before the store is read: a typo costs nothing.
    const format = exportFormat(opts.format);
    const tables = await withStore(opts.db, exportTables);
    fs.mkdirSync(opts.out, { recursive: true });
    for (const name of Object.keys(tables) as (keyof ExportTables)[]) {
      const file = path.join(opts.out, `${name}.${format}`);
      fs.writeFileSync(file, formatTable(tables[name], format));
      say(`wrote ${file}`);
    }
  });
}
