import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { BabelwireError } from '../errors.ts';
import { VERSION } from '../config.ts';
import type { Service } from '../service/service.ts';
import type { StoredToken, TokenRole } from '../store/index.ts';
import { Auth } from './auth.ts';
import { errorBody, handleError } from './errors.ts';
import { registerLive } from './routes/live.ts';
import { registerRead } from './routes/read.ts';
import { registerWrite } from './routes/write.ts';
import { registerUi } from './ui.ts';

/**
 * The HTTP face of the service (Fastify): the API under /api/v1/ documented as OpenAPI 3,
 * feeds, the live stream, health and metrics. Every input is validated by its schema
 * (src/server/schemas.ts); every error goes through one handler (src/server/errors.ts).
 */

export interface ServerOptions {
  /** Listening beyond 127.0.0.1: every route then needs a token. */
  public?: boolean;
  /** Allowed CORS origins; none by default (CORS off). */
  cors?: string[];
  /** Requests per minute per token (default 1200). */
  rateLimit?: number;
  /** Largest request body in bytes (default 10 MB). */
  bodyLimit?: number;
  /** Log requests (pino) to stderr. */
  log?: boolean;
  /** Where the web UI's built files are (served at /), when there are any. */
  uiDir?: string | null;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    token: StoredToken | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; `none`: anyone (health). */
    role?: TokenRole | 'none';
  }
}

export async function buildServer(
  service: Service,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.log ? { level: 'info' } : false,
    bodyLimit,
    // Query strings like `?limit=10` arrive as strings: schemas coerce them.
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    return503OnClosing: true,
  });
  const auth = new Auth(service.store, { public: options.public ?? false });
  app.decorate('auth', auth);
  app.decorateRequest('token', null);

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        errorBody(
          'E_ROUTE',
          new BabelwireError('E_ROUTE', request.method, request.url.split('?')[0]).message,
        ),
      ),
  );

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The web UI over plain http on a LAN address would otherwise load its own assets as https.
        upgradeInsecureRequests: null,
      },
    },
  });
  if (options.cors?.length) await app.register(cors, { origin: options.cors });

  app.addHook('onRequest', async (request) => {
    const role = request.routeOptions.config?.role ?? 'read';
    if (role === 'none' || !request.routeOptions.url) return;
    request.token = await auth.identify(request);
    await auth.check(request.token, role);
  });
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimit ?? 1200,
    timeWindow: '1 minute',
    hook: 'preHandler',
    // Per token; the one local user without a token is not limited.
    keyGenerator: (request) => request.token?.id ?? request.ip,
    allowList: (request) => request.token === null,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new BabelwireError('E_RATE_LIMIT', `${context.max} requests per ${context.after}`),
        {
          statusCode: 429,
        },
      ),
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    service.metrics.requests.inc({
      route,
      method: request.method,
      status: String(reply.statusCode),
    });
    service.metrics.requestSeconds.observe({ route }, reply.elapsedTime / 1000);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Babelwire API',
        version: VERSION,
        description:
          'Events clustered across languages from news reports: list, search, follow live, correct. ' +
          `Bodies up to ${Math.round(bodyLimit / 1024 / 1024)} MB. Errors are {"error": {"code", "message"}}.`,
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { role: 'none' }, schema: { hide: true } }, async () => ({
    status: 'ok',
    store: service.store.kind,
    version: VERSION,
  }));
  app.get('/metrics', { config: { role: 'none' }, schema: { hide: true } }, async (_req, reply) => {
    const text = await service.metrics.registry.metrics();
    return reply.type(service.metrics.registry.contentType).send(text);
  });

  registerRead(app, service);
  registerWrite(app, service, auth);
  registerLive(app, service);
  if (options.uiDir) await registerUi(app, options.uiDir);
  return app;
}
