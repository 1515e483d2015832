import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioText } from './load.ts';
import { serializeScenario } from './serialize.ts';
import { createSitmapStore, resolvedScenario } from '../state/store.ts';
import { setLanguage } from '../i18n/index.ts';
import { changeDays } from './derive/time.ts';

const text = readFileSync(join(import.meta.dirname, '../../data/scenarios/kursk-2024/scenario.json'), 'utf8');
const r = loadScenarioText(text, 'kursk');
if (!r.ok) throw new Error('the Kursk scenario is invalid');
const file = r.scenario;

describe('the store keeps the file and resolves it to the UI language', () => {
  afterAll(() => setLanguage('en'));

  it('resolves to English, then German after a language switch, memoised per language', async () => {
    const store = createSitmapStore(file, { selection: { kind: 'actor', id: 'north-korea' } });
    const en = resolvedScenario(store.getState());
    expect(en.actors.find((a) => a.id === 'north-korea')?.name).toBe('North Korea');
    expect(resolvedScenario(store.getState())).toBe(en);
    await setLanguage('de');
    const de = resolvedScenario(store.getState());
    expect(de.actors.find((a) => a.id === 'north-korea')?.name).toBe('Nordkorea');
    expect(de.places.find((p) => p.id === 'vladivostok')?.name).toBe('Wladiwostok');
    expect(de.briefings?.[0]?.steps[0]?.caption).toMatch(/Nordkorea/);
    expect(resolvedScenario(store.getState())).toBe(de);
    // Derived caches keyed on the scenario object (e.g. change days) hold per language.
    expect(changeDays(de)).toBe(changeDays(resolvedScenario(store.getState())));
    // Selections are ids: the one from the link still stands in German.
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'north-korea' });
  });

  it('exports the file as loaded, both languages, whatever the UI language', async () => {
    await setLanguage('de');
    const store = createSitmapStore(file);
    expect(store.getState().scenario).toBe(file);
    // Same content as the file on disk (keys in the schema's order), both languages.
    expect(JSON.parse(serializeScenario(store.getState().scenario))).toEqual(JSON.parse(text));
  });
});
