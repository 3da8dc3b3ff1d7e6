import { createHash, randomBytes } from 'node:crypto';
import { BabelwireError } from '../errors.ts';
import type { Store, StoredToken, TokenRole } from '../store/index.ts';

/**
 * API tokens: a random secret shown once, stored as its SHA-256 only. Roles nest: an admin
 * token may do what a write token may, a write token what a read token may.
 */

export const ROLES: readonly TokenRole[] = ['read', 'write', 'admin'];

const RANK: Record<TokenRole, number> = { read: 0, write: 1, admin: 2 };

export function allows(role: TokenRole, needed: TokenRole): boolean {
  return RANK[role] >= RANK[needed];
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseRole(value: string): TokenRole {
  if ((ROLES as readonly string[]).includes(value)) return value as TokenRole;
  throw new BabelwireError('E_CHOICE', 'role', value, ROLES.join(', '));
}

/** Creates a token; the returned secret is never stored and cannot be shown again. */
export async function createToken(
  store: Store,
  role: TokenRole,
  name?: string,
): Promise<{ token: StoredToken; secret: string }> {
  const secret = `bw_${randomBytes(24).toString('base64url')}`;
  const token = await store.transaction(async (tx) => {
    const n = await tx.nextNumber('token');
    const t: StoredToken = {
      id: `tok-${n}`,
      name: name ?? `token ${n}`,
      role,
      hash: hashToken(secret),
      createdAt: new Date().toISOString(),
      lastUsed: null,
    };
    await tx.addToken(t);
    return t;
  });
  return { token, secret };
}
