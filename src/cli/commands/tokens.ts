import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import { createToken, parseRole, ROLES } from '../../service/tokens.ts';
import { dbOption, out, say, withStore } from '../context.ts';
import { json } from '../format.ts';

export function register(program: Command): void {
  const tokens = program
    .command('tokens')
    .description(
      'API tokens for `serve`: once one exists, writes need a write token; beyond 127.0.0.1 every request needs one.',
    );
  dbOption(
    tokens
      .command('create')
      .description('Create a token; it is shown once (only its hash is stored).')
      .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
      .option('--name <name>', 'who or what it is for'),
  ).action((opts: { db: string; role: string; name?: string }) =>
    withStore(
      opts.db,
      async (store) => {
        const { token, secret } = await createToken(store, parseRole(opts.role), opts.name);
        say(
          `created ${token.id} (${token.role}, ${token.name}); this is the only time it is shown:`,
        );
        out(`${secret}\n`);
      },
      { mustExist: false },
    ),
  );
  dbOption(
    tokens
      .command('list')
      .description('Tokens (never their secrets).')
      .option('--json', 'print a JSON array'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const list = (await store.tokens()).map(({ hash: _hash, ...t }) => t);
      if (opts.json) return out(json(list));
      if (list.length === 0) out('no tokens\n');
      for (const t of list)
        out(
          `${t.id}  ${t.role}  ${t.name}  created ${t.createdAt}, last used ${t.lastUsed ?? 'never'}\n`,
        );
    }),
  );
  dbOption(
    tokens.command('revoke').description('Revoke a token.').argument('<id>', 'e.g. tok-1'),
  ).action((id: string, opts: { db: string }) =>
    withStore(opts.db, async (store) => {
      const removed = await store.transaction((tx) => tx.removeToken(id));
      if (!removed) throw new BabelwireError('E_NOT_FOUND', 'token', id);
      say(`revoked ${id}`);
    }),
  );
}
