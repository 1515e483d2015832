import v8 from 'node:v8'; import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { checkIntegrity } from '../../src/scenario/integrity.ts';
v8.setFlagsFromString('--expose-gc'); const gc = vm.runInNewContext('gc') as () => void;
const useGc = process.argv.includes('--gc');
for (const n of [1000, 10000]) {
  const text = readFileSync(`bench/fixtures/scale-${n}.json`, 'utf8');
  const xs: string[] = [];
  for (let i = 0; i < 8; i++) {
    if (useGc) gc();
    const t0 = performance.now(); const v = JSON.parse(text); const t1 = performance.now();
    const p = ScenarioSchema.safeParse(v); const t2 = performance.now();
    checkIntegrity(p.data!, 'x'); const t3 = performance.now();
    if (useGc) gc();
    const u0 = performance.now(); loadScenarioText(text, 'x'); const u1 = performance.now();
    xs.push(`${(t1-t0).toFixed(0)}/${(t2-t1).toFixed(0)}/${(t3-t2).toFixed(0)} total ${(u1-u0).toFixed(0)}`);
  }
  console.log(n, useGc, xs.join(' | '));
}
