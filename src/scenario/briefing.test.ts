import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from './load.ts';
import { minimalScenario } from './fixtures/minimal.ts';
import type { BriefingFile, ScenarioFile, StepFile } from './schema.ts';

const F = 'test.json';
const step = (over: Partial<StepFile> = {}): StepFile => ({
  id: 'first',
  title: { en: 'Deployment', de: 'Entsendung' },
  caption: 'North Korea sends troops.',
  notes: { en: 'The NIS said so.', de: 'So der NIS.' },
  date: '2024-10-20',
  camera: { center: [100, 45], zoom: 3 },
  ...over,
});
function withBriefing(...steps: StepFile[]): ScenarioFile & { briefings: BriefingFile[] } {
  return { ...minimalScenario(), briefings: [{ id: 'mini', title: 'Mini', steps }] };
}
function problems(value: unknown): Array<[string, string]> {
  const r = loadScenarioValue(value, F);
  return r.ok ? [] : r.problems.map((p) => [p.path, p.message]);
}

describe('briefings', () => {
  it('accepts steps with every field, and scenarios without briefings', () => {
    const full = step({
      date: '2024-10-25',
      camera: { center: [36.2, 51.4], zoom: 7, bearing: -20, pitch: 30 },
      selection: { kind: 'actor', id: 'north-korea' },
      layers: { places: false },
      relationTypes: { denial: false },
      highlight: [{ kind: 'relation', id: 'deploys' }, { kind: 'position', id: 'kursk-region' }],
      claimIds: ['nis-1500'],
    });
    expect(problems(withBriefing(full, step({ id: 'second', selection: null })))).toEqual([]);
    expect(problems(minimalScenario())).toEqual([]);
  });

  it('locates unknown ids in selection, highlight and claims, with the nearest id', () => {
    const s = withBriefing(
      step(),
      step({ id: 'second', selection: { kind: 'actor', id: 'north-koera' }, highlight: [{ kind: 'movement', id: 'air-wets' }], claimIds: ['nis-1500', 'nis-15000'] }),
    );
    expect(problems(s)).toEqual([
      ['$.briefings[0].steps[1].selection.id', "unknown actor 'north-koera' (did you mean 'north-korea'?)"],
      ['$.briefings[0].steps[1].highlight[0].id', "unknown movement 'air-wets' (did you mean 'air-west'?)"],
      ['$.briefings[0].steps[1].claimIds[1]', "unknown claim 'nis-15000' (did you mean 'nis-1500'?)"],
    ]);
  });

  it('refuses overlay references, dates outside the span and duplicate ids', () => {
    const s = withBriefing(step({ date: '2025-01-01' }), step({ highlight: [{ kind: 'overlay', id: 'x' }] }));
    s.briefings.push({ id: 'mini', title: 'Again', steps: [step()] });
    expect(problems(s)).toEqual([
      ['$.briefings[0].steps[0].date', 'date 2025-01-01 is outside the scenario span 2024-10-01 to 2024-12-31'],
      ['$.briefings[0].steps[1].id', "duplicate step id 'first' (already used at $.briefings[0].steps[0].id)"],
      ['$.briefings[0].steps[1].highlight[0].kind', 'a briefing cannot name overlay features: they come from files the user opens, not from the scenario'],
      ['$.briefings[1].id', "duplicate briefing id 'mini' (already used at $.briefings[0].id)"],
    ]);
  });

  it('locates things a step names that are not on the map yet on its date, and claims not yet made', () => {
    const s = withBriefing(
      step({
        date: '2024-10-19',
        selection: { kind: 'position', id: 'kursk-region' },
        highlight: [{ kind: 'relation', id: 'deploys' }, { kind: 'movement', id: 'air-west' }, { kind: 'actor', id: 'russia' }],
        claimIds: ['nis-1500', 'article-3000'],
      }),
    );
    expect(problems(s)).toEqual([
      ['$.briefings[0].steps[0].selection.id', "position 'kursk-region' is not on the map on the step's date 2024-10-19 (it is shown from 2024-10-23)"],
      ['$.briefings[0].steps[0].highlight[1].id', "movement 'air-west' is not on the map on the step's date 2024-10-19 (it is shown from 2024-10-20)"],
      ['$.briefings[0].steps[0].claimIds[1]', "claim 'article-3000' was made on 2024-10-29, after the step's date 2024-10-19"],
    ]);
    const ended = withBriefing(step({ date: '2024-12-01', highlight: [{ kind: 'relation', id: 'deploys' }] }));
    ended.relations[0]!.end = '2024-11-30';
    expect(problems(ended)).toEqual([
      ['$.briefings[0].steps[0].highlight[0].id', "relation 'deploys' is not on the map on the step's date 2024-12-01 (it is shown from 2024-10-18 to 2024-11-30)"],
    ]);
  });

  it('locates a camera out of range', () => {
    const s = withBriefing(step({ camera: { center: [181, 86], zoom: 23, pitch: 61 } }));
    expect(problems(s)).toEqual([
      ['$.briefings[0].steps[0].camera.center[0]', 'longitude must be between -180 and 180'],
      ['$.briefings[0].steps[0].camera.center[1]', 'latitude must be between -85 and 85'],
      ['$.briefings[0].steps[0].camera.zoom', 'zoom must be between 0 and 22'],
      ['$.briefings[0].steps[0].camera.pitch', 'pitch must be between 0 and 60'],
    ]);
  });

  it('refuses a step without English text, an unknown layer and an empty briefing', () => {
    const s = withBriefing(step({ caption: { de: 'Nur Deutsch' } as unknown as StepFile['caption'], layers: { roads: true } as StepFile['layers'] }));
    s.briefings.push({ id: 'empty', title: 'Empty', steps: [] });
    expect(problems(s)).toEqual([
      ['$.briefings[0].steps[0].caption', 'localised text needs "en": write { "en": "…", "de": "…" }'],
      ['$.briefings[0].steps[0].layers', 'Unrecognized key: "roads"'],
      ['$.briefings[1].steps', 'a briefing needs at least one step'],
    ]);
  });
});
