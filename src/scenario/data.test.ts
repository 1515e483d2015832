import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from './load.ts';
import { claimsFor, groupByStatus } from './derive/details.ts';
import { localizeScenario } from './localize.ts';

const dir = join(import.meta.dirname, '../../data/scenarios');
const files = readdirSync(dir)
  .map((d) => join(dir, d, 'scenario.json'))
  .filter((f) => existsSync(f));
// The fact sheet lives in the shared reference folder beside the repository (CI lays it there too).
const factSheetPath = join(import.meta.dirname, '../../../shared/reference/facts-kursk-2024.md');
const factSheet = existsSync(factSheetPath) ? readFileSync(factSheetPath, 'utf8') : '';

describe('every scenario in data/', () => {
  it('there is at least one', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s parses and passes the integrity checks', (file) => {
    const r = loadScenarioText(readFileSync(file, 'utf8'), file);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});

describe('the Kursk scenario', () => {
  const r = loadScenarioText(readFileSync(join(dir, 'kursk-2024/scenario.json'), 'utf8'), 'kursk');
  if (!r.ok) throw new Error('invalid');
  const s = localizeScenario(r.scenario, 'en');

  it('has the seven actors, five primary', () => {
    expect(s.actors.map((a) => a.id).sort()).toEqual(['china', 'nato', 'north-korea', 'russia', 'south-korea', 'ukraine', 'united-states']);
    expect(s.actors.filter((a) => a.tier === 'primary')).toHaveLength(5);
  });

  it.skipIf(!factSheet)('uses only URLs that appear in the fact sheet', () => {
    const unknown = s.sources.filter((src) => src.url && !factSheet.includes(src.url)).map((src) => src.url);
    expect(unknown).toEqual([]);
  });

  it('marks the article\'s garbled claims as corrected and links them to the record', () => {
    const corrected = s.claims.filter((c) => c.origin === 'article' && c.status === 'corrected');
    expect(corrected.length).toBeGreaterThanOrEqual(6);
    const text = corrected.map((c) => `${c.statement} ${c.correction}`).join('\n');
    for (const topic of [/3,000/, /critical/i, /27 October/, /rejected/i]) expect(text).toMatch(topic);
  });

  it('keeps the disagreeing sea routes of NIS and the White House as separate legs', () => {
    const sea = s.movements.filter((m) => m.mode === 'sea');
    expect(new Set(sea.map((m) => m.account)).size).toBeGreaterThanOrEqual(2);
  });

  it('locates "Kursk region" as an area, not a pin', () => {
    const kursk = s.positions.filter((p) => p.location.kind === 'area');
    expect(kursk.length).toBeGreaterThanOrEqual(1);
  });

  it('gives North Korea claims in several status groups, with the article beside the record', () => {
    const groups = groupByStatus(claimsFor(s, { kind: 'actor', id: 'north-korea' }));
    expect(groups.map((g) => g.status)).toEqual(expect.arrayContaining(['confirmed', 'reported', 'denied', 'corrected']));
  });
});
