import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from './load.ts';
import { migrate } from './migrate.ts';
import { SCHEMA_VERSION } from './schema.ts';

const v1 = readFileSync(join(import.meta.dirname, 'fixtures/kursk-v1.json'), 'utf8');

describe('schema versions', () => {
  it('a version 1 file (no frames) loads: migrated to the current version with a frame over its places', () => {
    const r = loadScenarioText(v1, 'kursk-v1.json');
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.schemaVersion).toBe(SCHEMA_VERSION);
    expect(r.scenario.frames).toHaveLength(1);
    expect(r.scenario.frames[0]!.placeIds).toContain('pyongyang');
    expect(r.scenario.frames[0]!.placeIds).not.toContain('maryino-estate');
    // Nothing the author wrote is lost.
    const original = JSON.parse(v1);
    expect(r.scenario.claims).toHaveLength(original.claims.length);
  });

  it('reports where it migrated from and leaves current files alone', () => {
    const result = migrate(JSON.parse(v1), 'f');
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
    const current = { schemaVersion: SCHEMA_VERSION, frames: [] };
    expect(migrate(current, 'f')).toEqual({ ok: true, value: current });
  });

  it('refuses a file from a newer Sitmap with a clear message', () => {
    expect(loadScenarioText(JSON.stringify({ schemaVersion: 99 }), 'new.json')).toEqual({
      ok: false,
      problems: [{ file: 'new.json', path: '$.schemaVersion', message: `is 99, newer than this Sitmap reads (up to ${SCHEMA_VERSION}); update Sitmap to open it` }],
    });
  });

  it('leaves values it cannot read to the schema', () => {
    for (const v of [null, 3, 'x', [], { schemaVersion: '1' }, { schemaVersion: 1.5 }]) expect(migrate(v, 'f')).toEqual({ ok: true, value: v });
  });
});
