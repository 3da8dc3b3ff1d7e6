import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The web UI, built by `npm ci` (the root `prepare` script) into ui/dist, which `babelwire
 * serve` serves. Everything is bundled: no CDN, no web font, nothing fetched from elsewhere.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false })],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The world outline comes as a JSON chunk of its own, loaded when a map is first drawn.
    chunkSizeWarningLimit: 300,
    reportCompressedSize: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/feeds': 'http://127.0.0.1:8080' } },
});
