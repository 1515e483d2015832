/**
 * Fixtures for the bare-MapLibre scrub baseline (bench/bare.html): the same style layers as Sitmap
 * (imported from src/map/layers/scenario-layers.ts) and, per date, the exact FeatureCollections
 * Sitmap shows on that date (from the app's derive functions), so the bare page only has to call
 * `setData`. Written to bench/fixtures/bare/<key>/ (config.json + <date>.json).
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { writeAtomic } from './lib.ts';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Scenario } from '../src/scenario/schema.ts';
import {
  actorFeatures,
  areaFeatures,
  movementFeatures,
  movementRoutes,
  movingUnits,
  placeFeatures,
  positionFeatures,
  relationFeatures,
} from '../src/scenario/derive/features.ts';
import { dayOf } from '../src/scenario/derive/time.ts';
import type { LngLat } from '../src/scenario/derive/arcs.ts';
import { basemapStyle } from '../src/map/basemap-style.ts';
import { mapImagesForPage, type BareImage } from '../src/map/map-images.ts';
import { BASE } from '../src/ui/palette.ts';
import * as L from '../src/map/layers/scenario-layers.ts';
import { SOURCE } from '../src/map/layers/scenario-layers.ts';

const ROOT = join(import.meta.dirname, '..');
export const BARE_DIR = join(ROOT, 'bench', 'fixtures', 'bare');
/** Only in the "bare + units" variant: the moving units as a plain GeoJSON circle layer. */
export const UNITS_SOURCE = 'bench-units';

export interface BareConfig {
  /** Basemap sources and layers only; the page adds the images, then `sources` and `layers`. */
  style: StyleSpecification;
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  unitsSource: string;
  /** The style images the app adds in code (arrow, keep-out). */
  images: BareImage[];
  dates: string[];
}

export interface BareDay {
  sources: Record<string, FeatureCollection>;
  units: FeatureCollection<Point>;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Web Mercator y of a latitude (radians-free, any scale), and back. */
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOf = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/** Where the GPU layer draws each unit at time `t` (days): linear in Web Mercator, like its shader. */
export function unitPositions(scenario: Scenario, t: number, routes = movementRoutes(scenario)): FeatureCollection<Point> {
  const features: FeatureCollection<Point>['features'] = [];
  for (const u of movingUnits(scenario, routes)) {
    const k = u.times.findIndex((time) => time > t);
    if (k <= 0 || t < u.times[0]!) continue; // not started, or arrived
    const t0 = u.times[k - 1]!;
    const t1 = u.times[k]!;
    const f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
    const a = u.path[k - 1]!;
    const b = u.path[k]!;
    const lng = a[0] + (b[0] - a[0]) * f;
    const lat = latOf(mercY(a[1]) + (mercY(b[1]) - mercY(a[1])) * f);
    features.push({ type: 'Feature', properties: { color: u.color }, geometry: { type: 'Point', coordinates: [lng, lat] } });
  }
  return { type: 'FeatureCollection', features };
}

/** The part of a route travelled by time `t` (days): passed vertices plus the unit's position (as the GPU trail). */
function travelled(path: readonly LngLat[], times: readonly number[], t: number): LngLat[] {
  const k = times.findIndex((time) => time > t);
  if (k < 0) return [...path];
  if (k === 0) return [];
  const t0 = times[k - 1]!;
  const t1 = times[k]!;
  const f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
  const a = path[k - 1]!;
  const b = path[k]!;
  const head: LngLat = [a[0] + (b[0] - a[0]) * f, latOf(mercY(a[1]) + (mercY(b[1]) - mercY(a[1])) * f)];
  return f > 0 ? [...path.slice(0, k), head] : [...path.slice(0, k)];
}

/**
 * The data Sitmap shows on `date`, at the start of that day (the time a scrub sets), as plain
 * FeatureCollections for MapLibre: relations, positions and areas that hold that day; movement
 * legs that are over, in full, and legs under way cut to the part travelled (Sitmap draws those
 * trails on its GPU layer; a bare page hands MapLibre the lines instead); every actor and place.
 */
export function bareDay(scenario: Scenario, date: string, routes = movementRoutes(scenario)): BareDay {
  const day = dayOf(date);
  const holds = (p: { startDay: number; endDay: number }) => p.startDay <= day && day < p.endDay;
  const relations = relationFeatures(scenario);
  const positions = positionFeatures(scenario, date);
  const areas = areaFeatures(scenario);
  const movements = movementFeatures(scenario, routes);
  const units = movingUnits(scenario, routes);
  const shownMovements = movements.features.flatMap((f, i): Array<Feature<LineString>> => {
    if (day < f.properties.startDay) return [];
    if (day >= f.properties.endDay) return [f];
    const line = travelled(f.geometry.coordinates as LngLat[], units[i]!.times, day);
    return line.length >= 2 ? [{ ...f, geometry: { type: 'LineString', coordinates: line } }] : [];
  });
  return {
    sources: {
      [SOURCE.actors]: actorFeatures(scenario),
      [SOURCE.relations]: { ...relations, features: relations.features.filter((f) => holds(f.properties)) },
      [SOURCE.movements]: { type: 'FeatureCollection', features: shownMovements },
      [SOURCE.places]: placeFeatures(scenario),
      [SOURCE.positions]: { ...positions, features: positions.features.filter((f) => holds(f.properties)) },
      [SOURCE.areas]: { ...areas, features: areas.features.filter((f) => holds(f.properties)) },
    },
    units: unitPositions(scenario, day, routes),
  };
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const readsGlobalState = (e: unknown): boolean => Array.isArray(e) && (e[0] === 'global-state' || e.some(readsGlobalState));
/**
 * Sitmap's layers filter static data by a global `day` state; the bare page gets data already cut
 * to the date, so every comparison with that state becomes `true` (the rest of a filter stays).
 */
export function withoutDayFilter(e: unknown): unknown {
  if (!Array.isArray(e)) return e;
  if (COMPARISONS.has(e[0] as string) && readsGlobalState(e)) return true;
  return e.map(withoutDayFilter);
}

/** The same layers, in the same order, as map-view.tsx (all layer kinds on). */
export function bareConfig(scenario: Scenario, dates: string[]): BareConfig {
  const tints = scenario.actors.flatMap((a): Array<[string, string]> => (a.iso3 ? [[a.iso3, a.color]] : []));
  const geojson = (): SourceSpecification => ({ type: 'geojson', data: empty(), promoteId: 'id' });
  const sources: Record<string, SourceSpecification> = {
    [SOURCE.areas]: geojson(),
    [SOURCE.relations]: geojson(),
    [SOURCE.movements]: geojson(),
    [SOURCE.movementFocus]: geojson(),
    [SOURCE.places]: geojson(),
    [SOURCE.positions]: geojson(),
    [SOURCE.actors]: geojson(),
    [UNITS_SOURCE]: { type: 'geojson', data: empty() },
  };
  const units: LayerSpecification = {
    id: 'bench-units',
    type: 'circle',
    source: UNITS_SOURCE,
    paint: { 'circle-radius': 6, 'circle-color': ['get', 'color'], 'circle-stroke-color': BASE.text, 'circle-stroke-width': 1.5 },
  };
  // The order of map-view.tsx. Looked up by name, so a layer the app has since dropped is skipped
  // (and one it added must be added here).
  const named = L as unknown as Record<string, unknown>;
  const one = (name: string): LayerSpecification[] => {
    const v = named[name];
    if (v === undefined) return [];
    return Array.isArray(v) ? (v as LayerSpecification[]) : [v as LayerSpecification];
  };
  const layers: LayerSpecification[] = [
    L.territoryFill(tints),
    L.territoryOutline(tints),
    ...one('bordersLayer'),
    ...one('areaFill'),
    ...one('areaOutline'),
    ...one('relationLines'),
    ...one('relationArrows'),
    ...one('relationHit'),
    ...one('movementLines'),
    // What Sitmap draws by date as completed route lines and GPU trails, the bare page draws from
    // its per-date data: the part of each leg travelled by then, dashed by mode, fully opaque.
    ...L.completedRouteLines.map((l) => ({ ...l, id: `bare-${l.id}`, source: SOURCE.movements, paint: { ...l.paint, 'line-opacity': 1 } }) as LayerSpecification),
    ...one('movementArrows'),
    ...one('movementHit'),
    units, // Sitmap puts its GPU units layer just below the place dots
    ...one('placeDots'),
    ...one('placeLabels'),
    ...one('placeKeepout'), // the invisible label keep-outs, each where scenario-style.ts puts it
    ...one('positionMarkers'),
    ...one('positionLabels'),
    ...one('positionKeepout'),
    ...one('actorMarkers'),
    ...one('actorLabels'),
    ...one('actorKeepout'),
  ];
  const bare = layers.map((l) => ('filter' in l && l.filter !== undefined ? ({ ...l, filter: withoutDayFilter(l.filter) } as LayerSpecification) : l));
  if (bare.some((l) => readsGlobalState('filter' in l ? l.filter : undefined))) throw new Error('a bare layer still reads the global day state');
  return {
    style: basemapStyle({ countries: '/basemap/countries.json', borders: '/basemap/borders.json' }),
    sources,
    layers: bare,
    unitsSource: UNITS_SOURCE,
    images: mapImagesForPage((d) => Buffer.from(d).toString('base64')),
    dates,
  };
}

/** Writes config.json and one <date>.json per date under bench/fixtures/bare/<key>/; returns the URL path. */
export function writeBareFixtures(key: string, scenario: Scenario, dates: string[]): string {
  const dir = join(BARE_DIR, key);
  mkdirSync(dir, { recursive: true });
  const routes = movementRoutes(scenario);
  writeAtomic(join(dir, 'config.json'), JSON.stringify(bareConfig(scenario, dates)));
  for (const date of dates) writeAtomic(join(dir, `${date}.json`), JSON.stringify(bareDay(scenario, date, routes)));
  return `/bench-fixtures/bare/${key}`;
}

/** The @font-face rules of the built app (Inter), so the bare page's labels use the same font. */
export function writeBareFonts(distDir: string): void {
  const assets = join(distDir, 'assets');
  const css = readdirSync(assets).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
  if (!faces.length) throw new Error('no @font-face rules found in dist/assets/*.css');
  mkdirSync(BARE_DIR, { recursive: true });
  writeAtomic(join(BARE_DIR, 'fonts.css'), faces.join('\n'));
}
