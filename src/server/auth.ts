import type { FastifyRequest } from 'fastify';
import { BabelwireError } from '../errors.ts';
import { allows, hashToken } from '../service/tokens.ts';
import type { Store, StoredToken, TokenRole } from '../store/index.ts';

/**
 * Who may do what. On 127.0.0.1 with no tokens created, the one local user may do anything.
 * Once a token exists, writes need a write (or admin) token; listening on any other address
 * needs tokens for every route. A token comes as `Authorization: Bearer …` or, for clients
 * that cannot set headers (EventSource, feed readers), as `?token=…`.
 */

export interface AuthPolicy {
  /** Listening beyond loopback: every route needs a token. */
  public: boolean;
}

/** How long the "do tokens exist" answer is kept, so each request is not one more query. */
const TOKENS_TTL_MS = 2000;

export class Auth {
  private known: { at: number; any: boolean } | null = null;

  constructor(
    private readonly store: Store,
    private readonly policy: AuthPolicy,
  ) {}

  /** Forgets the cached answer (a token was created or removed). */
  invalidate(): void {
    this.known = null;
  }

  private async anyTokens(): Promise<boolean> {
    if (this.known && Date.now() - this.known.at < TOKENS_TTL_MS) return this.known.any;
    const any = (await this.store.tokens()).length > 0;
    this.known = { at: Date.now(), any };
    return any;
  }

  /** The token a request carries, or null; an unknown token is refused outright. */
  async identify(request: FastifyRequest): Promise<StoredToken | null> {
    const header = request.headers.authorization;
    const query = (request.query as Record<string, unknown> | undefined)?.token;
    const secret = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : typeof query === 'string'
        ? query
        : null;
    if (!secret) return null;
    const token = await this.store.tokenByHash(hashToken(secret));
    if (!token) throw new BabelwireError('E_AUTH', 'unknown or revoked token');
    return token;
  }

  async check(token: StoredToken | null, needed: TokenRole): Promise<void> {
    if (token) {
      if (!allows(token.role, needed)) throw new BabelwireError('E_FORBIDDEN', needed);
      return;
    }
    if (this.policy.public) throw new BabelwireError('E_AUTH', 'this server needs a token');
    if (needed !== 'read' && (await this.anyTokens())) {
      throw new BabelwireError('E_AUTH', `this needs a ${needed} token once tokens exist`);
    }
  }
}
