// `npm run check-size` (part of `npm test`, after the build): fails when the app's own
// JavaScript and CSS loaded at start, gzipped, grow past the budget. MapLibre (its chunk and its
// worker) is left out: it is a dependency we do not shape. Also reports what the first load
// transfers in all (app, MapLibre, base map, scenario, fonts of the Latin subset).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const APP_BUDGET_KB = 120;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Files the page loads at start: the entry script, its static imports (modulepreload) and CSS. */
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const isMaplibre = (f: string) => /\/maplibre-[\w-]+\.(?:js|css)$|maplibre-gl-worker/.test(f);
const app = initial.filter((f) => !isMaplibre(f));
const rows = app.map((f) => ({ f, raw: statSync(join(dist, f)).size, gz: gz(join(dist, f)) }));
const total = rows.reduce((s, r) => s + r.gz, 0);

const assets = readdirSync(join(dist, 'assets'));
const lazy = assets.filter((f) => /\.js$/.test(f) && !initial.includes(`assets/${f}`) && !isMaplibre(`assets/${f}`));
const first = [
  ...initial,
  ...assets.filter((f) => /maplibre-gl-worker/.test(f)).map((f) => `assets/${f}`),
  ...assets.filter((f) => /^scenario-.*\.json$/.test(f)).map((f) => `assets/${f}`),
  'basemap/countries.json',
  'basemap/borders.json',
  ...assets.filter((f) => /^inter-latin-(400|600|700)-normal-.*\.woff2$/.test(f)).map((f) => `assets/${f}`),
];
const firstTotal = first.reduce((s, f) => s + (f.endsWith('.woff2') ? statSync(join(dist, f)).size : gz(join(dist, f))), 0);

for (const r of rows) console.log(`  ${r.f.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(9)} gzip`);
for (const f of lazy) console.log(`  ${`assets/${f}`.padEnd(48)} (loaded on demand) ${kb(gz(join(dist, 'assets', f))).padStart(9)} gzip`);
console.log(`app JS + CSS at start, without MapLibre: ${kb(total)} gzip (budget ${APP_BUDGET_KB} KB)`);
console.log(`first load in all (app, MapLibre and its worker, scenario, base map, Latin fonts): ${kb(firstTotal)} (gzip; fonts as woff2)`);
if (total > APP_BUDGET_KB * 1024) {
  console.error(`check-size: the app's own code is ${kb(total)} gzip, over its ${APP_BUDGET_KB} KB budget`);
  process.exit(1);
}
