import { kml } from '@tmcw/togeojson';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DataProblem } from '../scenario/problems.ts';
import { MAX_SCENARIO_BYTES } from '../scenario/limits.ts';
import type { Overlay } from '../scenario/overlay-types.ts';

export type { Overlay };

export const MAX_OVERLAY_FEATURES = 50_000;

/** Colours for overlays, distinct from actor and relation colours (Tol's muted set). */
const OVERLAY_COLOURS = ['#332288', '#882255', '#117733', '#44AA99', '#999933', '#AA4499'];

export type OverlayResult = { ok: true; overlay: Overlay } | { ok: false; problems: DataProblem[] };

function inRange(p: Position, path: string, problems: DataProblem[], file: string) {
  const [lng, lat] = p;
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    problems.push({ file, path, message: 'must be a [longitude, latitude] pair of numbers' });
  } else if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    problems.push({ file, path, message: `[${lng}, ${lat}] is outside the world (longitude ±180, latitude ±90)` });
  }
}

/** Checks every position of a geometry; reports at most a few problems per file. */
function checkGeometry(g: Geometry | null, path: string, problems: DataProblem[], file: string): void {
  if (!g) return;
  const walk = (c: unknown, p: string): void => {
    if (problems.length > 20) return;
    if (Array.isArray(c) && typeof c[0] === 'number') inRange(c as Position, p, problems, file);
    else if (Array.isArray(c)) c.forEach((x, i) => walk(x, `${p}[${i}]`));
    else problems.push({ file, path: p, message: 'must be an array of coordinates' });
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x, i) => checkGeometry(x, `${path}.geometries[${i}]`, problems, file));
  else walk(g.coordinates, `${path}.coordinates`);
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function asFeatureCollection(value: unknown, file: string): { fc?: FeatureCollection<Geometry>; problems: DataProblem[] } {
  const v = value as { type?: unknown; features?: unknown; geometry?: unknown };
  if (v && v.type === 'FeatureCollection' && Array.isArray(v.features)) return { fc: value as FeatureCollection<Geometry>, problems: [] };
  if (v && v.type === 'Feature') return { fc: { type: 'FeatureCollection', features: [value as Feature<Geometry>] }, problems: [] };
  if (v && typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type)) {
    return { fc: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: value as Geometry }] }, problems: [] };
  }
  return { problems: [{ file, path: '$.type', message: 'must be "FeatureCollection", "Feature" or a geometry type: this is not GeoJSON' }] };
}

/**
 * Reads a GeoJSON or KML file into an overlay, or says what is wrong and where. Coordinates are
 * checked (MapLibre throws on latitudes beyond ±90), sizes are bounded, properties are kept as
 * they are (they are shown as text, never as HTML). Never throws.
 */
export function parseOverlay(text: string, file: string, index: number): OverlayResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    return { ok: false, problems: [{ file, path: '$', message: `is ${(text.length / 1048576).toFixed(1)} MB; overlay files are limited to ${MAX_SCENARIO_BYTES / 1048576} MB` }] };
  }
  let fc: FeatureCollection<Geometry> | undefined;
  const problems: DataProblem[] = [];
  const isKml = /\.kml$/i.test(file) || /^\s*(<\?xml[^>]*>\s*)?<kml[\s>]/i.test(text);
  try {
    if (isKml) {
      const doc = new DOMParser().parseFromString(text, 'text/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) return { ok: false, problems: [{ file, path: '$', message: `is not valid KML: ${(error.textContent ?? '').trim().slice(0, 200)}` }] };
      fc = kml(doc) as FeatureCollection<Geometry>;
    } else {
      const parsed = asFeatureCollection(JSON.parse(text) as unknown, file);
      problems.push(...parsed.problems);
      fc = parsed.fc;
    }
  } catch (e) {
    return { ok: false, problems: [{ file, path: '$', message: `could not be read: ${(e as Error).message}` }] };
  }
  if (!fc) return { ok: false, problems };
  if (fc.features.length > MAX_OVERLAY_FEATURES) {
    return { ok: false, problems: [{ file, path: '$.features', message: `has ${fc.features.length} features; overlays are limited to ${MAX_OVERLAY_FEATURES}` }] };
  }
  const features: Array<Feature<Geometry>> = [];
  fc.features.forEach((f, i) => {
    const path = `$.features[${i}]`;
    if (!f || f.type !== 'Feature') {
      problems.push({ file, path: `${path}.type`, message: 'must be "Feature"' });
      return;
    }
    if (f.geometry && !GEOMETRY_TYPES.has(f.geometry.type)) {
      problems.push({ file, path: `${path}.geometry.type`, message: `unknown geometry type '${String(f.geometry.type)}'` });
      return;
    }
    checkGeometry(f.geometry, `${path}.geometry`, problems, file);
    if (f.geometry) features.push({ ...f, properties: { ...(f.properties ?? {}), __sitmapId: `${index}-${i}` } });
  });
  if (problems.length) return { ok: false, problems };
  if (!features.length) return { ok: false, problems: [{ file, path: '$.features', message: 'has no features with a geometry' }] };
  return {
    ok: true,
    overlay: {
      id: `overlay-${index}`,
      name: file,
      data: { type: 'FeatureCollection', features },
      color: OVERLAY_COLOURS[index % OVERLAY_COLOURS.length]!,
    },
  };
}
