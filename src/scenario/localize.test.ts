import { describe, expect, it } from 'vitest';
import { localizeScenario, localizeText, localizeValue } from './localize.ts';
import { loadScenarioValue } from './load.ts';
import { serializeScenario } from './serialize.ts';
import { minimalScenario } from './fixtures/minimal.ts';
import type { ScenarioFile } from './schema.ts';

function bilingual(): ScenarioFile {
  const s: ScenarioFile = minimalScenario();
  s.title = { en: 'Minimal', de: 'Minimal (de)' };
  s.actors[0]!.name = { en: 'North Korea', de: 'Nordkorea' };
  s.actors[1]!.name = { en: 'Russia' }; // no German: falls back to English
  s.claims[0]!.figure!.unit = { en: 'troops', de: 'Soldaten' };
  s.claims[0]!.quote = 'verbatim words'; // never localised
  return s;
}

describe('localised text', () => {
  it('resolves both forms, German falling back to English', () => {
    expect(localizeText('plain', 'de')).toBe('plain');
    expect(localizeText({ en: 'North Korea', de: 'Nordkorea' }, 'de')).toBe('Nordkorea');
    expect(localizeText({ en: 'North Korea', de: 'Nordkorea' }, 'en')).toBe('North Korea');
    expect(localizeText({ en: 'Russia' }, 'de')).toBe('Russia');
  });

  it('resolves every text of a scenario and leaves the file unchanged', () => {
    const file = bilingual();
    const before = serializeScenario(file);
    const de = localizeScenario(file, 'de');
    expect(de.title).toBe('Minimal (de)');
    expect(de.actors.map((a) => a.name)).toEqual(['Nordkorea', 'Russia']);
    expect(de.claims[0]!.figure!.unit).toBe('Soldaten');
    expect(de.claims[0]!.quote).toBe('verbatim words');
    expect(de.places[0]!.lngLat).toEqual([125.75432, 39.03385]);
    expect(localizeScenario(file, 'en').actors[0]!.name).toBe('North Korea');
    expect(serializeScenario(file)).toBe(before);
  });

  it('is memoised per file and language', () => {
    const file = bilingual();
    expect(localizeScenario(file, 'de')).toBe(localizeScenario(file, 'de'));
    expect(localizeScenario(file, 'en')).not.toBe(localizeScenario(file, 'de'));
    expect(localizeScenario(bilingual(), 'de')).not.toBe(localizeScenario(file, 'de'));
  });

  it('resolves any value, e.g. a briefing step', () => {
    expect(localizeValue({ title: { en: 'Arrival', de: 'Ankunft' }, camera: { center: [1, 2], zoom: 3 } }, 'de')).toEqual({ title: 'Ankunft', camera: { center: [1, 2], zoom: 3 } });
  });

  it('loads a bilingual file, and refuses localised text without English, with its path', () => {
    expect(loadScenarioValue(bilingual(), 'f')).toMatchObject({ ok: true });
    const bad = bilingual() as unknown as { actors: Array<{ name: unknown }>; places: Array<{ name: unknown }> };
    bad.actors[0]!.name = { de: 'Nordkorea' };
    bad.places[1]!.name = { en: 'Moscow', fr: 'Moscou' };
    const r = loadScenarioValue(bad, 'f');
    expect(r.ok ? [] : r.problems.map((p) => [p.path, p.message])).toEqual([
      ['$.actors[0].name', 'localised text needs "en": write { "en": "…", "de": "…" }'],
      ['$.places[1].name', 'Unrecognized key: "fr"'],
    ]);
  });
});
