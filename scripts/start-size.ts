// What the built app loads at start and how big it is, gzipped: the rules of `npm run check-size`
// (scripts/check-size.ts, which fails `npm test` over budget) and of the load benchmark's bytes
// section (bench/load-bench.ts), in one place so both give the same numbers.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budget for the app's own JS + CSS at start without MapLibre, gzip -9. */
export const APP_BUDGET_KB = 120;

export interface StartSize {
  /** The app's JS and CSS loaded at start (entry, modulepreloads, CSS), MapLibre left out. */
  app: Array<{ file: string; raw: number; gzip9: number }>;
  appTotal: number;
  /** The app's chunks loaded on demand (not counted). */
  lazy: Array<{ file: string; gzip9: number }>;
  /** Estimate of the whole first load: app, MapLibre and its worker, scenario, base map, Latin fonts (woff2 as is). */
  staticFirst: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const isMaplibre = (f: string) => /\/maplibre-[\w-]+\.(?:js|css)$|maplibre-gl-worker/.test(f);

/** Sizes of the build in `dist` (its index.html names what loads at start). */
export function startSize(dist: string): StartSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const app = initial.filter((f) => !isMaplibre(f)).map((file) => ({ file, raw: statSync(join(dist, file)).size, gzip9: gz(join(dist, file)) }));
  const assets = readdirSync(join(dist, 'assets'));
  const lazy = assets
    .filter((f) => /\.js$/.test(f) && !initial.includes(`assets/${f}`) && !isMaplibre(`assets/${f}`))
    .map((f) => ({ file: `assets/${f}`, gzip9: gz(join(dist, 'assets', f)) }));
  const first = [
    ...initial,
    ...assets.filter((f) => /maplibre-gl-worker/.test(f)).map((f) => `assets/${f}`),
    ...assets.filter((f) => /^scenario-.*\.json$/.test(f)).map((f) => `assets/${f}`),
    'basemap/countries.json',
    'basemap/borders.json',
    ...assets.filter((f) => /^inter-latin-(400|600|700)-normal-.*\.woff2$/.test(f)).map((f) => `assets/${f}`),
  ];
  const staticFirst = first.reduce((s, f) => s + (f.endsWith('.woff2') ? statSync(join(dist, f)).size : gz(join(dist, f))), 0);
  return { app, appTotal: app.reduce((s, r) => s + r.gzip9, 0), lazy, staticFirst };
}
