import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { loadScenarioText } from '../../scenario/load.ts';
import { localizeScenario } from '../../scenario/localize.ts';
import { areaFeatures, positionFeatures, relationFeatures } from '../../scenario/derive/features.ts';
import { dayOf } from '../../scenario/derive/time.ts';
import { RELATION_TYPES } from '../../scenario/constants.ts';
import { basemapStyle } from '../basemap-style.ts';
import { INTERACTIVE_LAYERS, SOURCE } from './scenario-layers.ts';
import { OVERLAYS_BELOW, filterBoundaries, filterDay, layerChanges, scenarioLayers, scenarioSources, type ScenarioLayerOptions, type ScenarioSourceData } from './scenario-style.ts';

const empty = { type: 'FeatureCollection', features: [] } as const;
const data = Object.fromEntries(Object.values(SOURCE).map((id) => [id, { ...empty, features: [] }])) as unknown as ScenarioSourceData;
const options = (over: Partial<ScenarioLayerOptions> = {}): ScenarioLayerOptions => ({
  tints: [['PRK', '#cc79a7']],
  visible: { territories: true, relations: true, movements: true, positions: true, places: true },
  relationTypes: Object.fromEntries(RELATION_TYPES.map((t) => [t, true])) as ScenarioLayerOptions['relationTypes'],
  alleged: 'alleged',
  ...over,
});

describe('the map style at start', () => {
  it('is one valid style: the basemap, every scenario source, every layer on a source it names', () => {
    const base = basemapStyle({ countries: '/basemap/countries.json', borders: '/basemap/borders.json' });
    const style = {
      ...base,
      sources: { ...base.sources, ...scenarioSources(data) },
      layers: [...base.layers, ...scenarioLayers(options())],
      state: { day: { default: 20000 } },
    };
    // As MapLibre checks a style it is given (it logs what fails, and leaves that layer out).
    expect(validateStyleMin(style as StyleSpecification).map((e) => e.message)).toEqual([]);
    for (const l of style.layers) if ('source' in l) expect(Object.keys(style.sources), l.id).toContain(l.source);
    expect(Object.keys(style.sources).sort()).toEqual(['borders', 'countries', ...Object.values(SOURCE)].sort());
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of INTERACTIVE_LAYERS) expect(ids).toContain(id);
    // Actors are drawn last (on top, easy to hit); overlays go in just below them. Above them only
    // the invisible keep-outs, which must be placed before every label layer.
    expect(ids.slice(-9)).toEqual(['place-dots', 'place-labels', 'place-keepout', 'position-markers', 'position-labels', 'position-keepout', 'actor-markers', 'actor-labels', 'actor-keepout']);
    expect(OVERLAYS_BELOW).toBe('actor-markers');
  });

  it('names alleged positions in the language given', () => {
    const label = scenarioLayers(options({ alleged: 'mutmaßlich' })).find((l) => l.id === 'position-labels')!;
    expect(JSON.stringify(label)).toContain(' (mutmaßlich)');
    expect(JSON.stringify(label)).not.toContain('(alleged)');
  });
});

describe('layerChanges', () => {
  it('finds nothing to do between two builds of the same options', () => {
    expect(layerChanges(scenarioLayers(options()), scenarioLayers(options()))).toEqual([]);
  });

  it('turns a legend toggle into visibility calls on that kind of layer only', () => {
    const changes = layerChanges(scenarioLayers(options()), scenarioLayers(options({ visible: { ...options().visible, places: false } })));
    expect(changes).toEqual([
      { op: 'layout', id: 'place-dots', key: 'visibility', value: 'none' },
      { op: 'layout', id: 'place-labels', key: 'visibility', value: 'none' },
      // Hidden dots no longer keep labels off them.
      { op: 'layout', id: 'place-keepout', key: 'visibility', value: 'none' },
    ]);
  });

  it('hides a relation type: its line layer, and the arrows and hit lines by filter', () => {
    const before = options();
    const after = options({ relationTypes: { ...before.relationTypes, denial: false } });
    const changes = layerChanges(scenarioLayers(before), scenarioLayers(after));
    expect(changes.filter((c) => c.op === 'layout')).toEqual([{ op: 'layout', id: 'relation-denial', key: 'visibility', value: 'none' }]);
    const filters = changes.filter((c) => c.op === 'filter');
    expect(filters.map((c) => c.id)).toEqual(['relation-arrows', 'relation-hit']);
    for (const f of filters) expect(JSON.stringify(f.value)).not.toContain('"denial"');
  });

  it('changes the territory tints and the label text when the scenario or language does', () => {
    const changes = layerChanges(scenarioLayers(options()), scenarioLayers(options({ tints: [['UKR', '#0072b2']], alleged: 'mutmaßlich' })));
    expect(changes.map((c) => `${c.op} ${c.id} ${'key' in c ? c.key : ''}`)).toEqual([
      'paint territory-fill fill-color',
      'filter territory-fill ',
      'paint territory-outline line-color',
      'filter territory-outline ',
      'layout position-labels text-field',
    ]);
  });

  it('refuses a different set of layers (the live style would no longer match)', () => {
    const layers = scenarioLayers(options());
    expect(() => layerChanges(layers, layers.slice(1))).toThrow(/changed their ids/);
  });
});

describe('filterDay: the day given to the map, changed only when a date filter would answer differently', () => {
  const loaded = loadScenarioText(readFileSync(join(import.meta.dirname, '../../../data/scenarios/kursk-2024/scenario.json'), 'utf8'), 'kursk');
  if (!loaded.ok) throw new Error('the Kursk scenario does not load');
  const kursk = localizeScenario(loaded.scenario, 'en');
  const collections = [relationFeatures(kursk), areaFeatures(kursk), positionFeatures(kursk)];
  const boundaries = filterBoundaries(collections);
  const holds = (p: { startDay: number; endDay: number }, d: number) => d >= p.startDay && d < p.endDay;

  it('every relation, area and position holds on filterDay(d) exactly when it holds on d, on every day from before the span to after it', () => {
    const first = dayOf(kursk.span.start) - 30;
    const last = dayOf(kursk.span.end) + 30;
    let checked = 0;
    for (let d = first; d <= last; d++) {
      const fd = filterDay(boundaries, d);
      for (const fc of collections) {
        for (const f of fc.features) {
          const p = f.properties as unknown as { startDay: number; endDay: number };
          expect(holds(p, fd), `${String(f.properties?.id)} on day ${d}`).toBe(holds(p, d));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('changes on far fewer days than the date does', () => {
    const days = Array.from({ length: dayOf(kursk.span.end) - dayOf(kursk.span.start) + 1 }, (_, i) => dayOf(kursk.span.start) + i);
    const values = new Set(days.map((d) => filterDay(boundaries, d)));
    expect(values.size).toBeLessThanOrEqual(boundaries.length + 1);
    expect(values.size).toBeLessThan(days.length / 3);
  });

  it('without any dated feature, never changes', () => {
    expect(filterDay(new Float64Array(0), 20000)).toBe(filterDay(new Float64Array(0), 20001));
  });
});
