// `npm run check-size` (part of `npm test`, after the build): fails when the app's own
// JavaScript and CSS loaded at start, gzipped, grow past the budget. MapLibre (its chunk and its
// worker) is left out: it is a dependency we do not shape. Also reports what the first load
// transfers in all (app, MapLibre, base map, scenario, fonts of the Latin subset). The rules are
// in scripts/start-size.ts (the load benchmark reports the same numbers).
import { join } from 'node:path';
import { APP_BUDGET_KB, startSize } from './start-size.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const { app, appTotal, lazy, staticFirst } = startSize(join(import.meta.dirname, '..', 'dist'));

for (const r of app) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip9).padStart(9)} gzip`);
for (const r of lazy) console.log(`  ${r.file.padEnd(48)} (loaded on demand) ${kb(r.gzip9).padStart(9)} gzip`);
console.log(`app JS + CSS at start, without MapLibre: ${kb(appTotal)} gzip (budget ${APP_BUDGET_KB} KB)`);
console.log(`first load in all (app, MapLibre and its worker, scenario, base map, Latin fonts): ${kb(staticFirst)} (gzip; fonts as woff2)`);
if (appTotal > APP_BUDGET_KB * 1024) {
  console.error(`check-size: the app's own code is ${kb(appTotal)} gzip, over its ${APP_BUDGET_KB} KB budget`);
  process.exit(1);
}
