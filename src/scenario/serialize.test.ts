import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from './load.ts';
import { serializeScenario } from './serialize.ts';

describe('export', () => {
  it('round-trips: an exported scenario loads again unchanged', () => {
    const r = loadScenarioText(readFileSync(join(import.meta.dirname, '../../data/scenarios/kursk-2024/scenario.json'), 'utf8'), 'k');
    if (!r.ok) throw new Error('invalid');
    const text = serializeScenario(r.scenario);
    const again = loadScenarioText(text, 'exported.json');
    expect(again).toEqual({ ok: true, scenario: r.scenario });
    if (again.ok) expect(serializeScenario(again.scenario)).toBe(text);
  });
});
