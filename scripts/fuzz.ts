// `npm run fuzz [runs] [seed]`: the loader fuzzer at full size (default 100,000 inputs per
// property). Prints the seed so a failure can be replayed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../src/scenario/load.ts';
import { runFuzz } from '../src/scenario/fuzz.ts';

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const r = loadScenarioText(readFileSync(join(import.meta.dirname, '../data/scenarios/kursk-2024/scenario.json'), 'utf8'), 'kursk');
if (!r.ok) throw new Error('the Kursk scenario is invalid');
const t0 = performance.now();
console.log(`fuzzing the scenario loader: ${runs} inputs per property, seed ${seed}`);
runFuzz(r.scenario, runs, seed);
console.log(`ok: ${runs * 2 + Math.floor(runs / 2)} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s, none threw, hung or returned a problem without a path`);
