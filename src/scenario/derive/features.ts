import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { circle } from '@turf/circle';
import { polygonHull } from 'd3-polygon';
import { featureCollection, point, polygon } from '@turf/helpers';
import { distance } from '@turf/distance';
import type { Place, Position, RelationType, Scenario } from '../schema.ts';
import { greatCircleArc, greatCirclePath, type LngLat } from './arcs.ts';
import { dayOf, estimateAt } from './time.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import type { Lang } from '../../i18n/index.ts';

/**
 * When a feature holds, in days since 1970: from `startDay` (inclusive) to `endDay` (exclusive;
 * OPEN_END when open). The map compares them with a global `day` state, so moving the date costs
 * one state change, not a rebuild of the data.
 */
export type Dated = { startDay: number; endDay: number };
export const OPEN_END = 1e9;
const dated = (start: string, end?: string): Dated => ({ startDay: dayOf(start), endDay: end ? dayOf(end) + 1 : OPEN_END });

/**
 * `away`: where the label goes first, facing away from the nearest other actor's marker: the side
 * straight out nearest that direction (0 right of the marker, 2 above, 4 left, 6 below), plus 1
 * when the direction lies clockwise of it (so the sides and diagonals next tried lean that way).
 * `near`: how close that actor is (squared, in degrees as on screen; 1e9 when alone): the labels of
 * the most crowded markers are placed first, while they still have a side free.
 */
export type ActorProps = { id: string; name: string; color: string; away: number; near: number };
export type RelationProps = { id: string; type: RelationType; label: string; from: string; to: string; lane: number } & Dated;
export type MovementProps = {
  id: string;
  actorId: string;
  color: string;
  mode: string;
  label: string;
} & Dated;
export type PositionProps = {
  id: string;
  actorId: string;
  color: string;
  label: string;
  status: string;
  /** The troop estimate on the date shown, and whose: "≈10,000 · Pentagon, 4 Nov 2024"; '' if none. */
  estimate: string;
} & Dated;
export type AreaProps = { id: string; color: string; status: string; description: string } & Dated;
export type PlaceProps = { id: string; name: string; capital: boolean };

/**
 * The two costly derivations (arcs and routes: ~280 ms for 10,000 relations) are kept per
 * scenario object, so the map's sources and the audience key's test of what is in view
 * (src/ui/legend-items.ts) share one computation. A scenario is never changed in place (a new
 * file or language is a new object), and callers treat what they get as read-only.
 */
const relationCache = new WeakMap<Scenario, FeatureCollection<LineString, RelationProps>>();
const routeCache = new WeakMap<Scenario, Map<string, LngLat[]>>();
function memo<T>(cache: WeakMap<Scenario, T>, scenario: Scenario, build: (s: Scenario) => T): T {
  let hit = cache.get(scenario);
  if (hit === undefined) {
    hit = build(scenario);
    cache.set(scenario, hit);
  }
  return hit;
}

function placeIndex(scenario: Scenario): Map<string, Place> {
  return new Map(scenario.places.map((p) => [p.id, p]));
}

function coordsOf(places: Map<string, Place>, id: string): LngLat {
  const lngLat = places.get(id)?.lngLat;
  // Integrity checks guarantee every drawn place resolves and has coordinates.
  if (!lngLat) throw new Error(`place '${id}' has no coordinates`);
  return lngLat;
}

function actorColours(scenario: Scenario): Map<string, string> {
  return new Map(scenario.actors.map((a) => [a.id, a.color]));
}

/**
 * Actor markers at their capitals. Each label faces away from the nearest other marker (`away`),
 * so that markers close together get their labels on opposite sides instead of one label taking
 * the only free side: on a world view Seoul's marker lies on Pyongyang's, and "South Korea" was
 * left out while "North Korea" sat below both. The direction is the one on screen (Web Mercator,
 * north up), as it is near the marker (a degree of longitude is cos(latitude) of one of latitude):
 * worked out here in a few lines rather than with a library, for the start bundle's sake.
 */
export function actorFeatures(scenario: Scenario): FeatureCollection<Point, ActorProps> {
  const places = placeIndex(scenario);
  const at = scenario.actors.map((a) => coordsOf(places, a.capitalPlaceId));
  return featureCollection(
    scenario.actors.map((a, i) => {
      const [x0, y0] = at[i]!;
      let nearest = 1e9;
      let away = 6; // below, as when alone
      // Every other actor: quadratic, so past 1,000 actors (0.6 ms here; 17 ms while every pair took an
      // atan2) labels keep the plain order.
      for (const [x1, y1] of at.length < 1e3 ? at : []) {
        const dx = (x0 - x1) * Math.cos((y0 * Math.PI) / 180);
        const d = dx * dx + (y0 - y1) ** 2;
        if (d && d < nearest) {
          const q = Math.atan2(y0 - y1, dx) / (Math.PI / 2); // quarter turns from east
          const side = Math.round(q);
          nearest = d;
          away = ((side * 2) & 6) | +(q < side);
        }
      }
      return point(at[i]!, { id: a.id, name: a.name, color: a.color, away, near: nearest });
    }),
  );
}

/**
 * Relations as great-circle arcs between the actors' capitals. Relations that join the same two
 * actors get distinct lanes (drawn with a pixel offset) so none hides another; the lane's sign
 * follows the line's direction, since MapLibre offsets to the right of the direction of travel.
 */
export function relationFeatures(scenario: Scenario): FeatureCollection<LineString, RelationProps> {
  return memo(relationCache, scenario, buildRelationFeatures);
}
function buildRelationFeatures(scenario: Scenario): FeatureCollection<LineString, RelationProps> {
  const places = placeIndex(scenario);
  const capital = new Map(scenario.actors.map((a) => [a.id, coordsOf(places, a.capitalPlaceId)]));
  const byPair = new Map<string, string[]>();
  for (const r of scenario.relations) {
    const key = [r.from, r.to].sort().join('|');
    byPair.set(key, [...(byPair.get(key) ?? []), r.id]);
  }
  const features = scenario.relations.map((r): Feature<LineString, RelationProps> => {
    const [first] = [r.from, r.to].sort();
    const group = byPair.get([r.from, r.to].sort().join('|'))!;
    const centred = group.indexOf(r.id) - (group.length - 1) / 2;
    const lane = r.from === first ? centred : -centred;
    return {
      type: 'Feature',
      properties: { id: r.id, type: r.type, label: r.label, from: r.from, to: r.to, lane, ...dated(r.start, r.end) },
      geometry: { type: 'LineString', coordinates: greatCircleArc(capital.get(r.from)!, capital.get(r.to)!) },
    };
  });
  return featureCollection(features);
}

/** The route of each movement leg along its places (great-circle legs), in scenario order. */
export function movementRoutes(scenario: Scenario): Map<string, LngLat[]> {
  return memo(routeCache, scenario, (s) => {
    const places = placeIndex(s);
    return new Map(s.movements.map((m) => [m.id, greatCirclePath(m.path.map((id) => coordsOf(places, id)))]));
  });
}

/**
 * Movement legs as whole routes, with the days they run (`endDay` is the day after the last), for
 * hit-testing and the highlight of a hovered or selected leg. What is drawn by date (the part
 * travelled, and the unit) is the GPU units layer's (see movingUnits): nothing here changes with
 * the date, which keeps scrubbing cheap with 10,000 legs.
 */
export function movementFeatures(scenario: Scenario, routes = movementRoutes(scenario)): FeatureCollection<LineString, MovementProps> {
  const colours = actorColours(scenario);
  return featureCollection(
    scenario.movements.map((m): Feature<LineString, MovementProps> => ({
      type: 'Feature',
      properties: { id: m.id, actorId: m.actorId, color: colours.get(m.actorId)!, mode: m.mode, label: m.label, ...dated(m.start, m.end) },
      geometry: { type: 'LineString', coordinates: routes.get(m.id)! },
    })),
  );
}

export type RouteProps = { id: string; mode: 'sea' | 'air' | 'land'; color: string; doneDay: number; legs: number };

/**
 * Completed legs, drawn by MapLibre as static lines: one line per distinct route (legs of the
 * same actor by the same mode along the same places share it), shown from `doneDay`, the day
 * after the first of its legs ends. The GPU units layer draws only legs still under way, so the
 * map's per-frame work does not grow with every leg that ever ran.
 */
export function routeLines(scenario: Scenario, routes = movementRoutes(scenario)): FeatureCollection<LineString, RouteProps> {
  const colours = actorColours(scenario);
  const groups = new Map<string, Feature<LineString, RouteProps>>();
  for (const m of scenario.movements) {
    const key = `${m.actorId}|${m.mode}|${m.path.join('>')}`;
    const doneDay = dayOf(m.end) + 1;
    const g = groups.get(key);
    if (g) {
      g.properties.doneDay = Math.min(g.properties.doneDay, doneDay);
      g.properties.legs++;
    } else {
      groups.set(key, {
        type: 'Feature',
        properties: { id: `route-${m.id}`, mode: m.mode, color: colours.get(m.actorId)!, doneDay, legs: 1 },
        geometry: { type: 'LineString', coordinates: routes.get(m.id)! },
      });
    }
  }
  return featureCollection([...groups.values()]);
}

/**
 * One moving unit per movement leg for the GPU layer: its route, and when it passes each vertex
 * (from the start of the first day to the end of the last, in proportion to distance).
 */
export function movingUnits(
  scenario: Scenario,
  routes = movementRoutes(scenario),
): Array<{ path: LngLat[]; times: number[]; color: string; mode: 'sea' | 'air' | 'land' }> {
  const colours = actorColours(scenario);
  return scenario.movements.map((m) => {
    const path = routes.get(m.id)!;
    const t0 = dayOf(m.start);
    const t1 = dayOf(m.end) + 1;
    const cumulative = [0];
    for (let i = 1; i < path.length; i++) cumulative.push(cumulative[i - 1]! + distance(path[i - 1]!, path[i]!));
    const total = cumulative.at(-1) || 1;
    return { path, times: cumulative.map((d) => t0 + ((t1 - t0) * d) / total), color: colours.get(m.actorId)!, mode: m.mode };
  });
}

/**
 * The area of uncertainty of a position that sources locate only vaguely ("Kursk region"): the
 * convex hull of circles of `bufferKm` around the places spanning it, i.e. the buffered hull.
 */
export function uncertaintyArea(points: readonly LngLat[], bufferKm: number): Feature<Polygon> {
  const vertices = points.flatMap((p) => circle(p, bufferKm, { steps: 48, units: 'kilometers' }).geometry.coordinates[0]!);
  // d3-polygon's hull (planar in lng/lat, as @turf/convex's) is ~0.3 KB against ~5 KB for
  // @turf/convex with its concaveman/rbush dependencies, in the bundle every start pays for.
  const hull = polygonHull(vertices.map((c) => [c[0]!, c[1]!] as [number, number]));
  if (!hull) throw new Error('uncertainty area could not be built');
  // GeoJSON: counter-clockwise outer ring (d3 returns it clockwise in y-up lng/lat terms), closed.
  const ring = hull.reverse();
  return polygon([[...ring, ring[0]!]]);
}

/** Where each troop marker is drawn: at its place, or at the middle of the places spanning its area. */
export function positionAnchors(scenario: Scenario): Map<string, LngLat> {
  const places = placeIndex(scenario);
  return new Map(scenario.positions.map((p) => [p.id, positionAnchor(places, p)]));
}

function positionAnchor(places: Map<string, Place>, p: Position): LngLat {
  if (p.location.kind === 'place') return coordsOf(places, p.location.placeId);
  const pts = p.location.placeIds.map((id) => coordsOf(places, id));
  return [pts.reduce((s, c) => s + c[0], 0) / pts.length, pts.reduce((s, c) => s + c[1], 0) / pts.length];
}

/**
 * "≈10,000 · Pentagon, 4 Nov 2024": a troop estimate and whose it is, for a marker label, in
 * `lang`. An estimator is a key in the data (it names a series of the chart); `estimatorName`
 * gives its name in the UI's language.
 */
export function estimateLabel(scenario: Scenario, p: Position, date: string, lang: Lang = 'en', estimatorName: (key: string) => string = (k) => k): string {
  const e = estimateAt(scenario, p, date);
  if (!e) return '';
  const sign = { exact: '', about: '≈', 'at-least': '≥', 'up-to': '≤', over: '>' }[e.figure.qualifier];
  const who = e.figure.estimator ? estimatorName(e.figure.estimator) : e.claim.claimant.office;
  return `${sign}${formatNumber(e.figure.value, lang)} · ${who}, ${formatDate(e.claim.date, lang)}`;
}

/**
 * Troop markers: at the named place, or at the middle of the places spanning an area. With a
 * date, each carries the troop number estimated by then and by whom (numbers and dates in `lang`).
 */
export function positionFeatures(
  scenario: Scenario,
  date?: string,
  lang: Lang = 'en',
  estimatorName?: (key: string) => string,
): FeatureCollection<Point, PositionProps> {
  const places = placeIndex(scenario);
  const colours = actorColours(scenario);
  return featureCollection(
    scenario.positions.map((p) =>
      point(positionAnchor(places, p), {
        id: p.id,
        actorId: p.actorId,
        color: colours.get(p.actorId)!,
        label: p.label,
        status: p.status,
        estimate: estimateLabel(scenario, p, date ?? scenario.span.end, lang, estimatorName),
        ...dated(p.start, p.end),
      }),
    ),
  );
}

/** Areas of uncertainty for positions located only by region. */
export function areaFeatures(scenario: Scenario): FeatureCollection<Polygon, AreaProps> {
  const places = placeIndex(scenario);
  const colours = actorColours(scenario);
  const features: Feature<Polygon, AreaProps>[] = [];
  for (const p of scenario.positions) {
    if (p.location.kind !== 'area') continue;
    const area = uncertaintyArea(p.location.placeIds.map((id) => coordsOf(places, id)), p.location.bufferKm);
    features.push({
      type: 'Feature',
      geometry: area.geometry,
      properties: { id: p.id, color: colours.get(p.actorId)!, status: p.status, description: p.location.description, ...dated(p.start, p.end) },
    });
  }
  return featureCollection(features);
}

/** Places that have coordinates; actors' capitals are flagged so their labels can differ. */
export function placeFeatures(scenario: Scenario): FeatureCollection<Point, PlaceProps> {
  const capitals = new Set(scenario.actors.map((a) => a.capitalPlaceId));
  return featureCollection(
    scenario.places.flatMap((p) =>
      p.lngLat ? [point(p.lngLat, { id: p.id, name: p.name, capital: capitals.has(p.id) })] : [],
    ),
  );
}

/** Bounds [[west, south], [east, north]] that contain a frame's places. */
export function frameBounds(scenario: Scenario, frameId: string): [LngLat, LngLat] | undefined {
  const frame = scenario.frames.find((f) => f.id === frameId);
  if (!frame) return undefined;
  const places = placeIndex(scenario);
  return boundsOf(frame.placeIds.map((id) => coordsOf(places, id)));
}

/** Bounds [[west, south], [east, north]] of points (longitudes as given: unwrapped ones stay so). */
function boundsOf(pts: LngLat[]): [LngLat, LngLat] {
  const lngs = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}

/** The points that locate an entity on the map: an actor's capital, a place, a position's place(s), a movement's path, a relation's two ends. */
export function entityPoints(scenario: Scenario, ref: { kind: string; id: string }): LngLat[] {
  const places = placeIndex(scenario);
  if (ref.kind === 'actor') {
    const a = scenario.actors.find((x) => x.id === ref.id);
    return a ? [coordsOf(places, a.capitalPlaceId)] : [];
  }
  if (ref.kind === 'place') {
    const p = places.get(ref.id);
    return p?.lngLat ? [p.lngLat] : [];
  }
  if (ref.kind === 'position') {
    const p = scenario.positions.find((x) => x.id === ref.id);
    if (!p) return [];
    return p.location.kind === 'place' ? [coordsOf(places, p.location.placeId)] : p.location.placeIds.map((id) => coordsOf(places, id));
  }
  if (ref.kind === 'relation') {
    const r = scenario.relations.find((x) => x.id === ref.id);
    const actor = (id: string) => scenario.actors.find((a) => a.id === id);
    const from = r && actor(r.from);
    const to = r && actor(r.to);
    if (!from || !to) return [];
    const arc = greatCircleArc(coordsOf(places, from.capitalPlaceId), coordsOf(places, to.capitalPlaceId), 2);
    return [arc[0]!, arc[arc.length - 1]!];
  }
  if (ref.kind === 'movement') {
    const m = scenario.movements.find((x) => x.id === ref.id);
    return m ? m.path.map((id) => coordsOf(places, id)) : [];
  }
  return [];
}

/**
 * Bounds of what an entity draws, for bringing it into view: a point for actors, places and
 * positions; both ends for relations (unwrapped across the antimeridian like the arc itself);
 * every place of a movement's path.
 */
export function entityBounds(scenario: Scenario, ref: { kind: string; id: string }): [LngLat, LngLat] | undefined {
  const pts = entityPoints(scenario, ref);
  return pts.length ? boundsOf(pts) : undefined;
}

/**
 * The points a briefing step must keep in the part of the map its audience can see: those of
 * what it selects and highlights, except relations (arcs between capitals, often across the
 * continent: a step that is about their ends highlights those actors).
 */
export function stepKeepPoints(scenario: Scenario, refs: ReadonlyArray<{ kind: string; id: string }>): LngLat[] {
  return refs.filter((r) => r.kind !== 'relation').flatMap((r) => entityPoints(scenario, r));
}
