// Vite config for bench/profile-load.ts only: the normal build (vite.config.ts), unminified, with
// MapLibre's readable build (maplibre-gl-dev.mjs) in place of its minified one, so a CPU profile
// names the functions. Written to bench/fixtures/dist-profile-load; never shipped.
import { join } from 'node:path';
import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import base from '../vite.config.ts';

const ROOT = join(import.meta.dirname, '..');

export default defineConfig((env) =>
  mergeConfig(base(env) as UserConfig, {
    resolve: { alias: [{ find: /^maplibre-gl$/, replacement: join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs') }] },
    build: { minify: false, outDir: join(ROOT, 'bench/fixtures/dist-profile-load'), emptyOutDir: true },
  }),
);
