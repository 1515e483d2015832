import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { RELATION_TYPES } from '../../scenario/constants.ts';
import { BASE, MOVEMENT_DASH, RELATION_STYLE } from '../../ui/palette.ts';
import { MAP_FONT } from '../basemap-style.ts';

/** GeoJSON source ids of the scenario layers; each promotes its `id` property for feature-state. */
export const SOURCE = {
  actors: 'sitmap-actors',
  relations: 'sitmap-relations',
  movements: 'sitmap-movements',
  /** Only the hovered or selected legs: drawn whole, so nothing is drawn for the others. */
  movementFocus: 'sitmap-movement-focus',
  /** Distinct routes of completed legs (derive/features.ts routeLines), shown by feature-state `done`. */
  routes: 'sitmap-routes',
  positions: 'sitmap-positions',
  areas: 'sitmap-areas',
  places: 'sitmap-places',
} as const;

/**
 * The day shown (days since 1970), set with `map.setGlobalStateProperty('day', …)` once per day:
 * features carry `startDay`/`endDay`, and filters compare, so scrubbing rebuilds no data.
 */
export const DAY_STATE = 'day';
const day: ExpressionSpecification = ['global-state', DAY_STATE];
/** The feature holds on the day shown. */
export const HOLDS: ExpressionSpecification = ['all', ['>=', day, ['get', 'startDay']], ['<', day, ['get', 'endDay']]];

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
// ---- Briefing mode (helper "briefing-ui"): step highlight and projector theme ----
/** Set (feature-state) on the entities a briefing step emphasises. */
const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
/** Global state: the projector theme is on (thicker lines, larger markers and type). */
export const PROJECTOR_STATE = 'projector';
const projectorOn: ExpressionSpecification = ['boolean', ['global-state', PROJECTOR_STATE], false];
/** How much thicker lines are in the projector theme. */
const PROJECTOR_LINES = 1.6;
/** A line width or radius, thicker in the projector theme. */
const thick = (value: ExpressionSpecification | number, factor = PROJECTOR_LINES): ExpressionSpecification => ['*', value, ['case', projectorOn, factor, 1]];
/** A text size, larger in the projector theme. */
const textSize = (base: number, projector: number): ExpressionSpecification => ['case', projectorOn, projector, base];
// ---- end briefing mode ----
/** A value that grows on hover and more on selection (or a briefing step's highlight). */
const emphasis = (base: number, hover: number, select: number): ExpressionSpecification => [
  'case', selected, select, highlighted, select, hovered, hover, base,
];

export const ARROW_IMAGE = 'sitmap-arrow';

/**
 * Where a marker's label may go, in order of preference: below, above, beside, then diagonally
 * off it; `em` is the gap from the point in ems of the label's size. It must keep the label's
 * box (with its 2 px padding) clear of the marker's keep-out (the keep-out layers below), or the label
 * collides with its own marker and is left out. MapLibre moves top and bottom anchors 7/24 em
 * towards the point (a baseline allowance), hence the extra 0.3 em there.
 */
function aroundMarker(em: number, order = [6, 2, 0, 4, 7, 5, 1, 3]): ExpressionSpecification {
  const v = em + 0.3;
  const d = em * 0.85;
  // By octant of the label's side of the marker, 0 = right of it, counter-clockwise.
  const at: Array<[string, [number, number]]> = [['left', [em, 0]], ['bottom-left', [d, -d - 0.3]], ['bottom', [0, -v]], ['bottom-right', [-d, -d - 0.3]], ['right', [-em, 0]], ['top-right', [-d, d + 0.3]], ['top', [0, v]], ['top-left', [d, d + 0.3]]];
  return ['literal', order.flatMap((k) => at[k]!)] as unknown as ExpressionSpecification;
}
/**
 * As `aroundMarker`, starting on the side facing away from the nearest other actor (the feature's
 * `away`, derive/features.ts): first the sides straight out, nearest that direction first, then
 * the diagonals.
 */
function awayFromNeighbour(em: number): ExpressionSpecification {
  // Straight out, a quarter turn the way `away` leans, the other way, back; then the diagonals.
  const order = (k: number) => [0, 2, -2, 4, 1, -1, 3, -3].map((t) => ((k & 6) + (k & 1 ? -t : t)) & 7);
  return ['match', ['get', 'away'], ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => [k, aroundMarker(em, order(k))]), aroundMarker(em)] as unknown as ExpressionSpecification;
}
/**
 * A transparent 2×2 image: the icon of the keep-out layers (`positionKeepout`, `actorKeepout`, `placeKeepout`), whose only job is
 * to put each marker's box into the label collision index. Scaled by `icon-size` (px / 2).
 */
export const KEEPOUT_IMAGE = 'sitmap-keepout';

// --- Territories: tint each actor's country, drawn into the basemap's `countries` source. ---
export function territoryFill(tints: Array<[string, string]>): FillLayerSpecification {
  const colour: ExpressionSpecification | string = tints.length
    ? (['match', ['get', 'iso3'], ...tints.flat(), 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification)
    : 'rgba(0,0,0,0)';
  return {
    id: 'territory-fill',
    type: 'fill',
    source: 'countries',
    filter: ['in', ['get', 'iso3'], ['literal', tints.map(([iso]) => iso)]],
    paint: { 'fill-color': colour, 'fill-opacity': emphasis(0.2, 0.3, 0.34) },
  };
}

export function territoryOutline(tints: Array<[string, string]>): LineLayerSpecification {
  return {
    id: 'territory-outline',
    type: 'line',
    source: 'countries',
    filter: ['in', ['get', 'iso3'], ['literal', tints.map(([iso]) => iso)]],
    paint: {
      'line-color': ['match', ['get', 'iso3'], ...tints.flat(), BASE.border] as unknown as ExpressionSpecification,
      // Thinner at a world view, where a selected Russia's Arctic coast and islands drew a heavy,
      // ragged band across the top of the map; full width from the scale of a region.
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, thick(emphasis(0, 0.8, 1.2)), 4, thick(emphasis(0, 1.5, 2.5))],
    },
  };
}

export const bordersLayer: LineLayerSpecification = {
  id: 'borders',
  type: 'line',
  source: 'borders',
  paint: { 'line-color': BASE.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1.2] },
};

// --- Areas of uncertainty ---
export const areaFill: FillLayerSpecification = {
  id: 'area-fill',
  type: 'fill',
  source: SOURCE.areas,
  filter: HOLDS,
  paint: { 'fill-color': ['get', 'color'], 'fill-opacity': emphasis(0.14, 0.22, 0.26) },
};
export const areaOutline: LineLayerSpecification = {
  id: 'area-outline',
  type: 'line',
  source: SOURCE.areas,
  filter: HOLDS,
  paint: { 'line-color': ['get', 'color'], 'line-width': thick(emphasis(1.5, 2.5, 3)), 'line-dasharray': [2, 1.5] },
};

// --- Relations: one layer per type so each keeps its own dash pattern. ---
/**
 * Pixels between the lanes of relations that join the same two actors (features.ts gives each a
 * lane), wider in the projector theme along with the lines: wide enough that two neighbouring
 * lines, both highlighted, do not run into each other (the widest, 4.5 px + 3, is 7.5 px; 12 px
 * in the projector theme). relation-lanes.test.ts holds this.
 */
export const LANE_PX = 8;
const laneOffset: ExpressionSpecification = thick(['*', ['get', 'lane'], LANE_PX]);
/** Scale of the direction chevrons on relation lines (the arrow image at icon-size). */
const RELATION_ARROW_SIZE = 0.55;
/**
 * icon-offset [0, lane × px] for a chevron on its relation's lane. Expressions cannot build an
 * array from a number, but `interpolate` outputs arrays: linear between lanes ±8, it is exact.
 */
const arrowLane = (px: number, size: number): ExpressionSpecification => [
  'interpolate', ['linear'], ['get', 'lane'],
  -8, ['literal', [0, (-8 * px) / size]],
  8, ['literal', [0, (8 * px) / size]],
];
export const relationLineId = (type: string) => `relation-${type}`;
export const relationLines: LineLayerSpecification[] = RELATION_TYPES.map((type) => {
  const style = RELATION_STYLE[type];
  return {
    id: relationLineId(type),
    type: 'line',
    source: SOURCE.relations,
    filter: ['all', ['==', ['get', 'type'], type], HOLDS],
    layout: { 'line-cap': style.dash ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color': style.color,
      'line-width': thick(emphasis(style.width, style.width + 2, style.width + 3)),
      'line-offset': laneOffset,
      ...(style.dash ? { 'line-dasharray': style.dash } : {}),
    },
  };
});
/** Invisible wide lines: arcs are easy to hit with a pointer or a finger. */
export const relationHit: LineLayerSpecification = {
  id: 'relation-hit',
  type: 'line',
  source: SOURCE.relations,
  paint: { 'line-color': '#000', 'line-opacity': 0, 'line-width': 16, 'line-offset': laneOffset },
};
export const relationArrows: SymbolLayerSpecification = {
  id: 'relation-arrows',
  type: 'symbol',
  source: SOURCE.relations,
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': 90,
    'icon-image': ARROW_IMAGE,
    // Larger with the lines in the projector theme, so the direction reads across a room.
    'icon-size': ['case', projectorOn, PROJECTOR_LINES * RELATION_ARROW_SIZE, RELATION_ARROW_SIZE],
    'icon-rotation-alignment': 'map',
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    // On the relation's own lane: the icon's y axis is the line's right-hand side, as for
    // line-offset, and icon-offset is in icon units (× icon-size).
    'icon-offset': ['case', projectorOn, arrowLane(PROJECTOR_LINES * LANE_PX, PROJECTOR_LINES * RELATION_ARROW_SIZE), arrowLane(LANE_PX, RELATION_ARROW_SIZE)],
  },
  paint: {
    'icon-color': ['match', ['get', 'type'], ...RELATION_TYPES.flatMap((t) => [t, RELATION_STYLE[t].color]), '#333'] as unknown as ExpressionSpecification,
    'icon-halo-color': '#ffffff',
    'icon-halo-width': 1.5,
    'icon-translate': [0, 0],
  },
};

// --- Movements ---
export const movementLineId = (mode: string) => `movement-${mode}`;
export const routeLineId = (mode: string) => `route-${mode}`;
/** One line layer per movement mode (sea/air/land), each with its dash pattern, from `source`. */
const perMode = (id: (mode: string) => string, source: string, paint: { width: LineWidth; opacity: LineOpacity }): LineLayerSpecification[] =>
  Object.entries(MOVEMENT_DASH).map(([mode, dash]) => ({
    id: id(mode),
    type: 'line',
    source,
    filter: ['==', ['get', 'mode'], mode],
    layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['get', 'color'],
      'line-width': paint.width,
      'line-opacity': paint.opacity,
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  }));
type LineWidth = NonNullable<NonNullable<LineLayerSpecification['paint']>['line-width']>;
type LineOpacity = NonNullable<NonNullable<LineLayerSpecification['paint']>['line-opacity']>;

/**
 * Routes of completed legs, dashed by mode like the GPU trails they continue. Shown by a
 * feature-state flag set when the day shown passes their end (map-view): a feature-state change
 * repaints without re-laying out the source, where a date filter on 10,000 legs re-tiled them all.
 */
export const completedRouteLines = perMode(routeLineId, SOURCE.routes, {
  width: 3,
  opacity: ['case', ['boolean', ['feature-state', 'done'], false], 1, 0],
});
// Only the hovered or selected leg is drawn here, whole, from a source holding just those
// (an invisible line per leg would still cost fill time every frame); the GPU layer draws legs by date.
export const movementLines = perMode(movementLineId, SOURCE.movementFocus, { width: thick(emphasis(3, 5, 6)), opacity: emphasis(0, 0.85, 1) });
export const movementHit: LineLayerSpecification = {
  id: 'movement-hit',
  type: 'line',
  source: SOURCE.movements,
  paint: { 'line-color': '#000', 'line-opacity': 0, 'line-width': 16 },
};

// --- Places (context labels) ---
export const placeDots: CircleLayerSpecification = {
  id: 'place-dots',
  type: 'circle',
  source: SOURCE.places,
  filter: ['!', ['get', 'capital']],
  paint: {
    'circle-radius': thick(emphasis(3.5, 5, 6), 1.4),
    'circle-color': BASE.muted,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
};
export const placeLabels: SymbolLayerSpecification = {
  id: 'place-labels',
  type: 'symbol',
  source: SOURCE.places,
  filter: ['!', ['get', 'capital']],
  minzoom: 3.2,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': MAP_FONT,
    'text-size': textSize(12, 17),
    // Beside the dot, on whichever side is free of markers and other labels (the keep-out layers below).
    'text-variable-anchor-offset': ['literal', ['left', [0.6, 0], 'right', [-0.6, 0], 'top', [0, 0.85], 'bottom', [0, -0.85]]],
  },
  paint: { 'text-color': BASE.muted, 'text-halo-color': BASE.halo, 'text-halo-width': 1.5 },
};

// --- Troop positions ---
export const positionMarkers: CircleLayerSpecification = {
  id: 'position-markers',
  type: 'circle',
  source: SOURCE.positions,
  filter: HOLDS,
  paint: {
    'circle-radius': thick(emphasis(7, 9, 10), 1.4),
    // Alleged positions are hollow: a ring in the actor's colour, not a filled marker.
    'circle-color': ['case', ['==', ['get', 'status'], 'alleged'], '#ffffff', ['get', 'color']],
    'circle-stroke-color': ['case', ['==', ['get', 'status'], 'alleged'], ['get', 'color'], BASE.text],
    'circle-stroke-width': ['case', ['==', ['get', 'status'], 'alleged'], 3, 1.5],
  },
};
export const positionLabels: SymbolLayerSpecification = {
  id: 'position-labels',
  type: 'symbol',
  source: SOURCE.positions,
  filter: HOLDS,
  minzoom: 3.5,
  layout: {
    'text-field': [
      'concat',
      ['case', ['==', ['get', 'status'], 'alleged'], ['concat', ['get', 'label'], ' (alleged)'], ['get', 'label']],
      ['case', ['!=', ['get', 'estimate'], ''], ['concat', '\n', ['get', 'estimate']], ''],
    ],
    'text-font': MAP_FONT,
    'text-size': textSize(12, 17),
    // Below the marker where that is free, else above, beside or diagonally off it: never over
    // another marker (the keep-out layers below) or label; a label with no free side is left out, its marker stays.
    'text-variable-anchor-offset': aroundMarker(1),
    // Lines flush to the marker's side when the label is beside it, centred above or below.
    'text-justify': 'auto',
    'text-max-width': 12,
  },
  paint: { 'text-color': BASE.text, 'text-halo-color': BASE.halo, 'text-halo-width': 1.6 },
};

// --- Actors: markers at capitals, drawn last so they are on top and easy to hit. ---
export const actorMarkers: CircleLayerSpecification = {
  id: 'actor-markers',
  type: 'circle',
  source: SOURCE.actors,
  paint: {
    'circle-radius': thick(emphasis(9, 11, 12), 1.4),
    'circle-color': ['get', 'color'],
    // A dark ring keeps light actor colours (yellow, sky blue) visible on a light base map.
    'circle-stroke-color': BASE.text,
    'circle-stroke-width': thick(emphasis(2, 3, 4), 1.4),
  },
};
export const actorLabels: SymbolLayerSpecification = {
  id: 'actor-labels',
  type: 'symbol',
  source: SOURCE.actors,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': MAP_FONT,
    'text-size': textSize(15, 22),
    'text-variable-anchor-offset': awayFromNeighbour(1.1),
    // The most crowded first (derive/features.ts `near`): after a flight MapLibre keeps a label on
    // the side it had, and China's, kept above Beijing, took the side North Korea's needed.
    'symbol-sort-key': ['get', 'near'],
    'text-allow-overlap': false,
    'text-padding': 2,
  },
  paint: { 'text-color': BASE.text, 'text-halo-color': BASE.halo, 'text-halo-width': 2 },
};

/**
 * Keep-outs: an invisible icon the size of each actor marker, position marker and place dot (at
 * rest, with its stroke), always placed, so that labels go around markers instead of over them:
 * MapLibre keeps labels apart from each other but not from circle layers. Symbols are placed from
 * the top layer down, so each sits above the label layers that must avoid it (scenarioLayers says
 * which); they draw nothing and are not interactive.
 */
function keepout(
  id: string,
  source: string,
  halfPx: number,
  projectorHalfPx: number,
  { filter, padding = 1, minzoom }: { filter?: ExpressionSpecification; padding?: number; minzoom?: number } = {},
): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    ...(filter ? { filter } : {}),
    ...(minzoom !== undefined ? { minzoom } : {}),
    layout: {
      'icon-image': KEEPOUT_IMAGE,
      // The image is 2 px wide: icon-size is the marker's half width in px.
      'icon-size': ['case', projectorOn, projectorHalfPx, halfPx],
      'icon-allow-overlap': true,
      'icon-padding': padding,
    },
    paint: { 'icon-opacity': 0 },
  };
}
// Half widths: radius + stroke, and in the projector theme radius × 1.4 (+ stroke). A label's
// offset (aroundMarker) must exceed this + icon-padding + text-padding (2).
// Each keep-out starts at the lowest zoom of the labels that must avoid it: below that it would
// only cost work, and (as markers come and go with the date) a symbol fade that holds back the
// map's idle after every scrub by 300 ms (bench/results/changes.md).
const labelsFrom = Math.min(placeLabels.minzoom!, positionLabels.minzoom!);
export const positionKeepout = keepout('position-keepout', SOURCE.positions, 7 + 1.5, 7 * 1.4 + 1.5, { filter: HOLDS, minzoom: labelsFrom });
export const actorKeepout = keepout('actor-keepout', SOURCE.actors, 9 + 2, 9 * 1.4 + 2 * 1.4);
// Place dots are small context: only the dot itself (it keeps other places' labels off it).
export const placeKeepout = keepout('place-keepout', SOURCE.places, 3.5, 3.5 * 1.4, { filter: ['!', ['get', 'capital']], padding: 0, minzoom: placeLabels.minzoom! });

/** Layers a click or hover resolves to an entity, topmost first in priority. */
export const INTERACTIVE_LAYERS = [
  actorMarkers.id,
  positionMarkers.id,
  placeDots.id,
  movementHit.id,
  relationHit.id,
  areaFill.id,
];
