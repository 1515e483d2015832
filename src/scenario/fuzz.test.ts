import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from './load.ts';
import { LOAD_BOUND_MS, MAX_SCENARIO_BYTES, hugeScenarioText, runFuzz } from './fuzz.ts';

const r = loadScenarioText(readFileSync(join(import.meta.dirname, '../../data/scenarios/kursk-2024/scenario.json'), 'utf8'), 'kursk');
if (!r.ok) throw new Error('invalid Kursk scenario');

// The full run (100,000+ inputs) is `npm run fuzz`; this seeded sample keeps `npm test` quick.
describe('loader fuzzing (seeded sample)', () => {
  it('never throws, never hangs, always returns a typed result with paths', () => {
    runFuzz(r.scenario, 300, 20241105);
  }, 120_000);

  it('refuses a 50 MB file by its size, quickly, with that reason', () => {
    const text = hugeScenarioText(50 * 1024 * 1024);
    const t0 = performance.now();
    const result = loadScenarioText(text, 'big.json');
    expect(performance.now() - t0).toBeLessThan(LOAD_BOUND_MS);
    expect(result).toEqual({ ok: false, problems: [{ file: 'big.json', path: '$', message: `is 50.0 MB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MB` }] });
  });

  it('survives deep nesting in the text', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const result = loadScenarioText(deep, 'deep.json');
    expect(result.ok).toBe(false);
  });
});
