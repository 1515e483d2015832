/**
 * What a legend of the current view lists: shared by the exported slide (src/export/slide.ts), which
 * draws it on a canvas, and the audience view's key (src/legend/legend-key.tsx), which draws it as
 * SVG. Pure: scenario and view in, items out.
 */
import type { Feature, FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import { bboxClip } from '@turf/bbox-clip';
import { RELATION_TYPES, type RelationType } from '../scenario/constants.ts';
import type { Scenario } from '../scenario/schema.ts';
import { holdsOn } from '../scenario/derive/time.ts';
import { actorFeatures, areaFeatures, movementRoutes, placeFeatures, positionAnchors, relationFeatures } from '../scenario/derive/features.ts';
import { BASE, MOVEMENT_DASH, RELATION_STYLE } from './palette.ts';

/** One symbol of a legend of what the map draws. */
export type LegendSymbol =
  | { kind: 'line'; color: string; dash: number[] | null; width: number; arrow: boolean }
  | { kind: 'dot'; fill: string; stroke: string; strokeWidth: number; radius: number }
  | { kind: 'area'; color: string };
export interface LegendItem {
  symbol: LegendSymbol;
  label: string;
}

/** Labels the legend needs, in the current language. */
export interface LegendLabels {
  relation: (t: RelationType) => string;
  movement: (mode: string) => string;
  reported: string;
  alleged: string;
  area: string;
  actor: string;
  place: string;
}

/** The labels from the UI strings (`rel.<type>`, `lg.<mode>`, `lg.reported`, …), given a translate function for them. */
export function legendLabels(t: (key: string) => string): LegendLabels {
  return {
    relation: (type) => t(`rel.${type}`),
    movement: (mode) => t(`lg.${mode}`),
    reported: t('lg.reported'),
    alleged: t('lg.alleged'),
    area: t('lg.area'),
    actor: t('lg.actor'),
    place: t('lg.place'),
  };
}

/** The part of the world a map shows: [west, south, east, north]; west and east may run past ±180. */
export type ViewBounds = [west: number, south: number, east: number, north: number];

type Box = ViewBounds;

/** The geometry the map draws for each kind of thing, with its box: derived once per scenario. */
interface Drawn {
  relations: Map<string, { geometry: Feature<LineString | Polygon>; box: Box }>;
  movements: Map<string, { geometry: Feature<LineString | Polygon>; box: Box }>;
  /** Positions located by region: their area; by place: the marker alone (no geometry). */
  positions: Map<string, { geometry?: Feature<LineString | Polygon>; box: Box }>;
  actors: Box[];
  places: Box[];
}
const drawnCache = new WeakMap<Scenario, Drawn>();
function drawn(scenario: Scenario): Drawn {
  let d = drawnCache.get(scenario);
  if (d) return d;
  const lines = (features: Feature<LineString | Polygon>[]) =>
    new Map(features.map((f) => [String(f.properties!.id), { geometry: f, box: bbox(f) as Box }]));
  const pointBox = (c: readonly number[]): Box => [c[0]!, c[1]!, c[0]!, c[1]!];
  const positions: Drawn['positions'] = lines(areaFeatures(scenario).features);
  for (const [id, at] of positionAnchors(scenario)) if (!positions.has(id)) positions.set(id, { box: pointBox(at) });
  const movements: Drawn['movements'] = new Map();
  for (const [id, coordinates] of movementRoutes(scenario)) {
    const geometry: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
    movements.set(id, { geometry, box: bbox(geometry) as Box });
  }
  d = {
    // The same arcs and routes as the map's sources (memoised per scenario in derive/features.ts).
    relations: lines(relationFeatures(scenario).features),
    movements,
    positions,
    actors: actorFeatures(scenario).features.map((f) => pointBox(f.geometry.coordinates)),
    places: placeFeatures(scenario).features.filter((f) => !f.properties.capital).map((f) => pointBox(f.geometry.coordinates)),
  };
  drawnCache.set(scenario, d);
  return d;
}

/**
 * Whether a drawn thing (its box, and its line or area) reaches into the view. The view's box is
 * also tried a world to each side, since a map may show longitudes past ±180 and arcs run past them.
 */
function inView(view: ViewBounds, box: Box, geometry?: Feature<LineString | Polygon>): boolean {
  for (const shift of [0, -360, 360]) {
    const v: Box = [view[0] + shift, view[1], view[2] + shift, view[3]];
    if (box[2] < v[0] || box[0] > v[2] || box[3] < v[1] || box[1] > v[3]) continue;
    if (!geometry || (box[0] >= v[0] && box[2] <= v[2] && box[1] >= v[1] && box[3] <= v[3])) return true;
    const clipped = bboxClip(geometry, v).geometry;
    if (clipped.coordinates.some((part) => part.length > 0)) return true;
  }
  return false;
}

/** Each feature of a collection with its box, derived once per collection object. */
const featureBoxes = new WeakMap<FeatureCollection, Array<{ geometry?: Feature<LineString | Polygon>; box: Box }>>();
const CLIPPABLE = new Set(['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/**
 * Whether any feature of a collection (an overlay from the user's file) reaches into the view:
 * points by their place, lines and areas clipped to it as the scenario's are.
 */
export function collectionInView(view: ViewBounds, fc: FeatureCollection<Geometry>): boolean {
  let boxes = featureBoxes.get(fc);
  if (!boxes) {
    boxes = fc.features.flatMap((f) =>
      f.geometry ? [{ geometry: CLIPPABLE.has(f.geometry.type) ? (f as Feature<LineString | Polygon>) : undefined, box: bbox(f) as Box }] : [],
    );
    featureBoxes.set(fc, boxes);
  }
  return boxes.some((b) => inView(view, b.box, b.geometry));
}

/**
 * The legend of what the view draws on its date: relation types shown and holding, movement modes
 * begun, troop markers, actors, places. With `bounds`, only what the map draws inside them (a key
 * of what is on the screen, not of the whole scenario). Colours and dash patterns come from the
 * palette the map layers use (src/ui/palette.ts), so the slide cannot drift from the map.
 */
export function legendItems(
  scenario: Scenario,
  view: {
    date: string;
    layers: { relations: boolean; movements: boolean; positions: boolean; places: boolean };
    relationTypes: Record<RelationType, boolean>;
    bounds?: ViewBounds | null;
  },
  labels: LegendLabels,
): LegendItem[] {
  const items: LegendItem[] = [];
  const bounds = view.bounds;
  const d = bounds ? drawn(scenario) : null;
  const seen = (kind: 'relations' | 'movements' | 'positions', id: string) => {
    const g = d?.[kind].get(id);
    return !bounds || (!!g && inView(bounds, g.box, g.geometry));
  };
  const anyIn = (boxes: Box[]) => !bounds || boxes.some((b) => inView(bounds, b));
  if (view.layers.relations) {
    for (const t of RELATION_TYPES) {
      if (!view.relationTypes[t] || !scenario.relations.some((r) => r.type === t && holdsOn(view.date, r.start, r.end) && seen('relations', r.id))) continue;
      const s = RELATION_STYLE[t];
      items.push({ symbol: { kind: 'line', color: s.color, dash: s.dash, width: s.width, arrow: true }, label: labels.relation(t) });
    }
  }
  const begun = scenario.movements.filter((m) => m.start <= view.date && seen('movements', m.id));
  const colourOf = (actorId: string | undefined) => scenario.actors.find((a) => a.id === actorId)?.color ?? BASE.muted;
  const mover = colourOf(begun[0]?.actorId ?? scenario.movements[0]?.actorId);
  if (view.layers.movements) {
    for (const [mode, dash] of Object.entries(MOVEMENT_DASH)) {
      if (begun.some((m) => m.mode === mode)) items.push({ symbol: { kind: 'line', color: mover, dash, width: 3, arrow: false }, label: labels.movement(mode) });
    }
  }
  if (view.layers.positions) {
    const held = scenario.positions.filter((p) => holdsOn(view.date, p.start, p.end) && seen('positions', p.id));
    const posColour = colourOf(held[0]?.actorId) ?? mover;
    if (held.some((p) => p.status === 'reported'))
      items.push({ symbol: { kind: 'dot', fill: posColour, stroke: BASE.text, strokeWidth: 1.5, radius: 9 }, label: labels.reported });
    if (held.some((p) => p.status === 'alleged'))
      items.push({ symbol: { kind: 'dot', fill: '#ffffff', stroke: posColour, strokeWidth: 3.5, radius: 8 }, label: labels.alleged });
    if (held.some((p) => p.location.kind === 'area')) items.push({ symbol: { kind: 'area', color: posColour }, label: labels.area });
  }
  if (d ? anyIn(d.actors) : true) items.push({ symbol: { kind: 'dot', fill: '#bbbbbb', stroke: BASE.text, strokeWidth: 2.5, radius: 10 }, label: labels.actor });
  if (view.layers.places && (d ? anyIn(d.places) : true)) items.push({ symbol: { kind: 'dot', fill: BASE.muted, stroke: '#ffffff', strokeWidth: 2, radius: 5 }, label: labels.place });
  return items;
}
