import { describe, expect, it } from 'vitest';
import { loadScenarioText, loadScenarioValue, MAX_SCENARIO_BYTES } from './load.ts';
import { minimalScenario } from './fixtures/minimal.ts';
import type { DataProblem } from './problems.ts';

const F = 'test.json';
function problemsOf(value: unknown): DataProblem[] {
  const r = loadScenarioValue(value, F);
  return r.ok ? [] : r.problems;
}
function mutate(fn: (s: ReturnType<typeof minimalScenario> & Record<string, unknown>) => void) {
  const s = minimalScenario() as ReturnType<typeof minimalScenario> & Record<string, unknown>;
  fn(s);
  return problemsOf(s);
}

describe('schema', () => {
  it('accepts a valid scenario', () => {
    expect(loadScenarioValue(minimalScenario(), F)).toMatchObject({ ok: true });
  });

  it('locates a wrong colour with its exact message', () => {
    expect(mutate((s) => (s.actors[0]!.color = 'purple'))).toEqual([
      { file: F, path: '$.actors[0].color', message: 'must be a colour written #rrggbb' },
    ]);
  });

  it('refuses impossible calendar dates', () => {
    expect(mutate((s) => (s.claims[0]!.date = '2024-02-30'))).toEqual([
      { file: F, path: '$.claims[0].date', message: 'must be a calendar date written YYYY-MM-DD' },
    ]);
  });

  it('refuses coordinates out of range', () => {
    expect(mutate((s) => (s.places[0]!.lngLat = [125, 91]))).toEqual([
      { file: F, path: '$.places[0].lngLat[1]', message: 'latitude must be between -90 and 90' },
    ]);
    expect(mutate((s) => (s.places[0]!.lngLat = [-181, 0]))[0]?.message).toBe('longitude must be between -180 and 180');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', '/relative/path', 'ftp://x.org/a'])(
    'refuses the link %s',
    (url) => {
      expect(mutate((s) => (s.sources[0]!.url = url))).toEqual([
        { file: F, path: '$.sources[0].url', message: 'must be an absolute http:// or https:// URL' },
      ]);
    },
  );

  it('requires a URL except on the seed article or with a note saying why there is none', () => {
    expect(mutate((s) => delete s.sources[0]!.url)).toEqual([
      { file: F, path: '$.sources[0].url', message: 'is required unless the source is the seed article or a note says why no address is known' },
    ]);
    expect(mutate((s) => { delete s.sources[0]!.url; s.sources[0]!.kind = 'article'; })).toEqual([]);
    expect(mutate((s) => { delete s.sources[0]!.url; s.sources[0]!.note = 'The record gives no address.'; })).toEqual([]);
  });

  it('requires at least one source per claim', () => {
    expect(mutate((s) => (s.claims[0]!.sourceIds = []))).toEqual([
      { file: F, path: '$.claims[0].sourceIds', message: 'a claim needs at least one source' },
    ]);
  });

  it('refuses unknown keys and unknown relation types', () => {
    expect(mutate((s) => ((s.actors[0] as Record<string, unknown>).colour = '#fff'))[0]?.path).toBe('$.actors[0]');
    expect(mutate((s) => ((s.relations[0] as Record<string, unknown>).type = 'friendship'))[0]?.path).toBe('$.relations[0].type');
  });

  it('reports broken JSON with line and column', () => {
    const r = loadScenarioText('{\n  "id": "x",\n  oops\n}', F);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^is not valid JSON at line 3, column 3/);
  });

  it('refuses files over the size limit before parsing them', () => {
    const r = loadScenarioText(' '.repeat(MAX_SCENARIO_BYTES + 1), F);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/scenario files are limited to 20 MB/);
  });
});

describe('integrity', () => {
  it('finds unknown ids and suggests the nearest', () => {
    expect(mutate((s) => (s.claims[0]!.sourceIds = ['kbs-18855']))).toEqual([
      { file: F, path: '$.claims[0].sourceIds[0]', message: "unknown source 'kbs-18855' (did you mean 'kbs-188550'?)" },
    ]);
    expect(mutate((s) => (s.relations[0]!.to = 'rusia'))).toEqual([
      { file: F, path: '$.relations[0].to', message: "unknown actor 'rusia' (did you mean 'russia'?)" },
    ]);
    expect(mutate((s) => (s.relations[0]!.to = 'atlantis'))[0]?.message).toBe("unknown actor 'atlantis'");
  });

  it('finds duplicate ids', () => {
    expect(mutate((s) => (s.actors[1]!.id = 'north-korea'))).toContainEqual({
      file: F,
      path: '$.actors[1].id',
      message: "duplicate id 'north-korea' (already used at $.actors[0].id)",
    });
  });

  it('checks chronology', () => {
    expect(mutate((s) => (s.movements[0]!.end = '2024-10-01'))).toEqual([
      { file: F, path: '$.movements[0].end', message: 'end 2024-10-01 is before start 2024-10-20' },
    ]);
    expect(mutate((s) => (s.relations[0]!.start = '2023-01-01'))).toEqual([
      { file: F, path: '$.relations[0].start', message: 'start 2023-01-01 is outside the scenario span 2024-10-01 to 2024-12-31' },
    ]);
  });

  it('requires corrections to point at claims of the record', () => {
    expect(mutate((s) => (s.claims[1]!.correctedBy = ['article-3000']))).toEqual([
      { file: F, path: '$.claims[1].correctedBy[0]', message: "claim 'article-3000' is not a claim of the record (origin must be \"record\")" },
    ]);
    expect(mutate((s) => delete s.claims[1]!.correctedBy)).toEqual([
      { file: F, path: '$.claims[1].correctedBy', message: 'a corrected claim must list the record claims that correct it' },
    ]);
  });

  it('refuses to draw places without coordinates', () => {
    expect(mutate((s) => (s.movements[0]!.path = ['pyongyang', 'maryino']))).toEqual([
      { file: F, path: '$.movements[0].path[1]', message: "place 'maryino' has no coordinates, so it cannot be drawn" },
    ]);
    expect(mutate((s) => (s.places[2]!.lngLat = null))).toContainEqual({
      file: F,
      path: '$.places[2].lngLat',
      message: "GeoNames place 'kursk' has no coordinates yet: run `npm run gazetteer`",
    });
  });
});
