/**
 * Fixtures of the bare-MapLibre page for the cold-load comparison (bench/bare-load.html): ONE
 * style holding everything Sitmap shows at its first `idle` (no hash: the scenario's last day):
 * the same basemap files (/basemap/countries.json and borders.json, fetched by URL, as Sitmap
 * does), Sitmap's scenario sources with the FeatureCollections its map view builds at start
 * (the app's own derive functions, inline in the style) and the same layers in the same order,
 * with the same filters (including the global `day` state and the relation-type filter), plus the
 * @font-face rules of the built app (Inter) so labels use the same font. Only Sitmap's custom
 * WebGL moving-units layer is left out: on the last day no unit is under way, so it draws nothing.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Scenario } from '../src/scenario/schema.ts';
import { RELATION_TYPES } from '../src/scenario/constants.ts';
import {
  actorFeatures,
  areaFeatures,
  movementFeatures,
  movementRoutes,
  placeFeatures,
  positionFeatures,
  relationFeatures,
  routeLines,
} from '../src/scenario/derive/features.ts';
import { dayOf } from '../src/scenario/derive/time.ts';
import { basemapStyle } from '../src/map/basemap-style.ts';
import { mapImagesForPage, type BareImage } from '../src/map/map-images.ts';
import { DAY_STATE, SOURCE } from '../src/map/layers/scenario-layers.ts';
import { scenarioLayers, scenarioSources, type ScenarioLayerOptions, type ScenarioSourceData } from '../src/map/layers/scenario-style.ts';
import type { LayerKind } from '../src/state/store.ts';

const ROOT = join(import.meta.dirname, '..');
export const LOAD_DIR = join(ROOT, 'bench', 'fixtures', 'load');
export const LOAD_URL = '/bench-fixtures/load';

export interface LoadConfig {
  style: StyleSpecification;
  /** The style images the app adds in code (arrow, keep-out), for the bare page to add. */
  images: BareImage[];
  attribution: string;
  /** Ids of every layer, in order: the page's first `idle` counts once all of them are in the style. */
  layerIds: string[];
  /** Features per scenario source (to check against Sitmap's own sources at run time). */
  featureCounts: Record<string, number>;
}

/** Sitmap's map style at start for `scenario` on its last day, as one style object. */
export function loadConfig(scenario: Scenario): LoadConfig {
  const date = scenario.span.end;
  const data: ScenarioSourceData = {
    [SOURCE.areas]: areaFeatures(scenario),
    [SOURCE.relations]: relationFeatures(scenario),
    [SOURCE.movements]: movementFeatures(scenario, movementRoutes(scenario)),
    [SOURCE.movementFocus]: { type: 'FeatureCollection', features: [] },
    [SOURCE.routes]: routeLines(scenario, movementRoutes(scenario)),
    [SOURCE.places]: placeFeatures(scenario),
    [SOURCE.positions]: positionFeatures(scenario, date),
    [SOURCE.actors]: actorFeatures(scenario),
  };
  const base = basemapStyle({ countries: '/basemap/countries.json', borders: '/basemap/borders.json' });
  const sources: Record<string, SourceSpecification> = { ...base.sources, ...scenarioSources(data) };
  // The app's own layer list (src/map/layers/scenario-style.ts), everything toggled on, as at start.
  const layers: LayerSpecification[] = [
    ...base.layers,
    ...scenarioLayers({
      tints: scenario.actors.flatMap((a): Array<[string, string]> => (a.iso3 ? [[a.iso3, a.color]] : [])),
      visible: { territories: true, relations: true, movements: true, positions: true, places: true } satisfies Record<LayerKind, boolean>,
      relationTypes: Object.fromEntries(RELATION_TYPES.map((t) => [t, true])) as ScenarioLayerOptions['relationTypes'],
      alleged: 'alleged',
    }),
  ];
  const style: StyleSpecification = { ...base, sources, layers, state: { [DAY_STATE]: { default: Math.floor(dayOf(date)) } } } as StyleSpecification;
  return {
    style,
    images: mapImagesForPage((d) => Buffer.from(d).toString('base64')),
    attribution: 'Natural Earth · GeoNames',
    layerIds: layers.map((l) => l.id),
    featureCounts: Object.fromEntries(Object.entries(data).map(([id, fc]) => [id, fc.features.length])),
  };
}

/** Writes <key>.json (the config) and fonts.css (the built app's @font-face rules) under bench/fixtures/load/. */
export function writeLoadFixtures(key: string, scenario: Scenario, distDir: string): { url: string; config: LoadConfig } {
  mkdirSync(LOAD_DIR, { recursive: true });
  const config = loadConfig(scenario);
  writeFileSync(join(LOAD_DIR, `${key}.json`), JSON.stringify(config));
  const assets = join(distDir, 'assets');
  const css = readdirSync(assets).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
  if (!faces.length) throw new Error(`no @font-face rules found in ${assets}/*.css`);
  writeFileSync(join(LOAD_DIR, 'fonts.css'), faces.join('\n'));
  return { url: `${LOAD_URL}/${key}.json`, config };
}
