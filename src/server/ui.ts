import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The web UI (ui/, built into ui/dist by `npm ci`): its hashed assets under /assets/, cached
 * for good, and its one page, index.html, for every address the app routes itself, so a reload
 * or a pasted address opens the same page. Anything else, /api/ included, is the API's JSON 404.
 */

/** The addresses the single-page app answers (ui/src/app.tsx). */
export const UI_ROUTES = [
  '/',
  '/events/*',
  '/stories/*',
  '/search',
  '/watches',
  '/watches/*',
] as const;

export async function registerUi(app: FastifyInstance, uiDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(uiDir, 'assets'),
    prefix: '/assets/',
    // File names carry their content hash: a new build is new names.
    maxAge: '365d',
    immutable: true,
    index: false,
    // The page is sent from uiDir below; assets only from their folder.
    decorateReply: true,
    schemaHide: true,
  });
  // The page holds no data (the API calls carry any token), so anyone may load it.
  const page = (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', uiDir, { maxAge: 0 });
  for (const url of UI_ROUTES) {
    app.get(url, { config: { role: 'none' }, schema: { hide: true } }, page);
  }
}
