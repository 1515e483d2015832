import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { RELATION_TYPES, type RelationType } from '../../scenario/constants.ts';
import type { LayerKind } from '../../state/store.ts';
import { countAtOrBefore } from '../../scenario/derive/time.ts';
import {
  HOLDS,
  SOURCE,
  actorKeepout,
  actorLabels,
  actorMarkers,
  areaFill,
  areaOutline,
  bordersLayer,
  completedRouteLines,
  movementHit,
  movementLines,
  placeDots,
  placeKeepout,
  placeLabels,
  positionKeepout,
  positionLabels,
  positionMarkers,
  relationArrows,
  relationHit,
  relationLines,
  territoryFill,
  territoryOutline,
} from './scenario-layers.ts';

export type ScenarioSourceId = (typeof SOURCE)[keyof typeof SOURCE];
/** What each scenario source holds: the FeatureCollections the derive functions build. */
export type ScenarioSourceData = Record<ScenarioSourceId, FeatureCollection>;

export interface ScenarioLayerOptions {
  /** [iso3, colour] of each actor with a territory. */
  tints: Array<[string, string]>;
  /** Layer toggles of the legend. */
  visible: Record<LayerKind, boolean>;
  /** Relation types shown while relations are on. */
  relationTypes: Record<RelationType, boolean>;
  /** The word appended to alleged positions' labels, in the UI's language ("alleged"). */
  alleged: string;
}

/** The scenario's GeoJSON sources as style entries; each promotes `id` for feature-state. */
export function scenarioSources(data: ScenarioSourceData): Record<ScenarioSourceId, GeoJSONSourceSpecification> {
  return Object.fromEntries(
    Object.values(SOURCE).map((id) => [id, { type: 'geojson', data: data[id], promoteId: 'id' } satisfies GeoJSONSourceSpecification]),
  ) as Record<ScenarioSourceId, GeoJSONSourceSpecification>;
}

/**
 * Every scenario layer, bottom to top, with the toggles applied (visibility, relation-type
 * filters). The map starts with these in its one style, so its first `idle` already shows the
 * scenario (adding them after `load` cost a second pass through the worker: bench/RESULTS.md);
 * later changes are applied by `layerChanges`. Overlays are added above positions, below actors.
 */
export function scenarioLayers(o: ScenarioLayerOptions): LayerSpecification[] {
  const visibility = (on: boolean) => (on ? 'visible' : 'none') as 'visible' | 'none';
  const toggled = <T extends LayerSpecification & { layout?: object }>(spec: T, kind: LayerKind): T => ({
    ...spec,
    layout: { ...spec.layout, visibility: visibility(o.visible[kind]) },
  });
  const shownTypes: FilterSpecification = ['all', ['in', ['get', 'type'], ['literal', RELATION_TYPES.filter((t) => o.relationTypes[t])]], HOLDS];
  const positionLabelLayer = JSON.parse(JSON.stringify(positionLabels).replace('" (alleged)"', JSON.stringify(` (${o.alleged})`))) as typeof positionLabels;
  return [
    toggled(territoryFill(o.tints), 'territories'),
    toggled(territoryOutline(o.tints), 'territories'),
    bordersLayer,
    toggled(areaFill, 'positions'),
    toggled(areaOutline, 'positions'),
    ...relationLines.map((l, i) => ({ ...l, layout: { ...l.layout, visibility: visibility(o.visible.relations && o.relationTypes[RELATION_TYPES[i]!]) } })),
    { ...toggled(relationArrows, 'relations'), filter: shownTypes },
    { ...toggled(relationHit, 'relations'), filter: shownTypes },
    ...completedRouteLines.map((l) => toggled(l, 'movements')),
    ...movementLines.map((l) => toggled(l, 'movements')),
    toggled(movementHit, 'movements'),
    // Each label layer sits below the keep-outs it must avoid (placeKeepout etc.: invisible, and
    // symbols are placed from the top layer down). Place labels avoid every marker and dot;
    // troop position labels every marker (a place dot, mere context, may go under one: else a
    // position among named places could lose its sourced label); actor labels, the names a
    // crowded view needs most, only actor markers.
    toggled(placeDots, 'places'),
    toggled(placeLabels, 'places'),
    toggled(placeKeepout, 'places'),
    toggled(positionMarkers, 'positions'),
    toggled(positionLabelLayer, 'positions'),
    toggled(positionKeepout, 'positions'),
    actorMarkers,
    actorLabels,
    actorKeepout,
  ];
}

/** Id of the layer that overlays are inserted below (actors stay on top and easy to hit). */
export const OVERLAYS_BELOW = actorMarkers.id;

/** One call that brings a layer of the live style from one spec to the next. */
export type LayerChange =
  | { op: 'layout'; id: string; key: string; value: unknown }
  | { op: 'paint'; id: string; key: string; value: unknown }
  | { op: 'filter'; id: string; value: FilterSpecification | undefined };

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The setLayoutProperty / setPaintProperty / setFilter calls that turn the layers `prev` into
 * `next` (the same ids in the same order: the scenario's layer set never changes, only toggles,
 * filters, tints and label text). Unchanged specs are skipped by identity, so a toggle costs a
 * handful of comparisons.
 */
export function layerChanges(prev: LayerSpecification[], next: LayerSpecification[]): LayerChange[] {
  if (prev === next) return [];
  if (prev.length !== next.length || prev.some((l, i) => l.id !== next[i]!.id)) {
    throw new Error(`scenario layers changed their ids: ${prev.map((l) => l.id).join(',')} -> ${next.map((l) => l.id).join(',')}`);
  }
  const changes: LayerChange[] = [];
  next.forEach((n, i) => {
    const p = prev[i]!;
    if (p === n) return;
    for (const part of ['layout', 'paint'] as const) {
      const a = ((p as { [k: string]: unknown })[part] ?? {}) as Record<string, unknown>;
      const b = ((n as { [k: string]: unknown })[part] ?? {}) as Record<string, unknown>;
      if (a === b) continue;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!same(a[key], b[key])) changes.push({ op: part, id: n.id, key, value: b[key] });
      }
    }
    const fa = (p as { filter?: FilterSpecification }).filter;
    const fb = (n as { filter?: FilterSpecification }).filter;
    if (!same(fa, fb)) changes.push({ op: 'filter', id: n.id, value: fb });
  });
  return changes;
}

/**
 * The days on which a date filter (HOLDS: startDay ≤ day < endDay) can change its answer for any
 * of these features: every startDay and endDay, sorted, without repeats.
 */
export function filterBoundaries(collections: ReadonlyArray<FeatureCollection>): Float64Array {
  const days = new Set<number>();
  for (const fc of collections) {
    for (const f of fc.features) {
      const p = f.properties as { startDay?: unknown; endDay?: unknown } | null;
      if (typeof p?.startDay === 'number') days.add(p.startDay);
      if (typeof p?.endDay === 'number') days.add(p.endDay);
    }
  }
  return Float64Array.from(days).sort();
}

/**
 * The value to give the map's `day` state for `day`: the last boundary on or before it (one
 * before the first boundary; 0 when there is none). Every HOLDS filter answers the same as for
 * `day` itself, since no boundary lies between the two, and the value changes only on days when
 * some answer changes. MapLibre reloads every source whose filter reads a global state each time
 * that state changes, so during playback, while days pass without a relation, area or position
 * starting or ending, those sources are not re-tiled.
 */
export function filterDay(boundaries: Float64Array, day: number): number {
  const n = countAtOrBefore(boundaries, day);
  if (n > 0) return boundaries[n - 1]!;
  // Before every boundary, all answers are "not yet"; with no dated feature at all, any value.
  return boundaries.length ? boundaries[0]! - 1 : 0;
}
