import v8 from 'node:v8'; import vm from 'node:vm';
import { PerformanceObserver } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
v8.setFlagsFromString('--expose-gc'); const gc = vm.runInNewContext('gc') as () => void;
let gcMs = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });
const tick = () => new Promise((r) => setImmediate(r));
for (const n of [1000, 10000, 1000, 10000]) {
  const text = readFileSync(`bench/fixtures/scale-${n}.json`, 'utf8');
  const v = JSON.parse(text);
  const xs: string[] = [];
  for (let i = 0; i < 6; i++) {
    gc(); await tick(); gcMs = 0;
    const c0 = process.cpuUsage(); const t0 = performance.now();
    ScenarioSchema.safeParse(v);
    const t1 = performance.now(); const c1 = process.cpuUsage(c0);
    await tick();
    xs.push(`wall ${(t1-t0).toFixed(0)} cpu ${((c1.user+c1.system)/1000).toFixed(0)} gc ${gcMs.toFixed(0)}`);
  }
  console.log(n, xs.join(' | '));
}
