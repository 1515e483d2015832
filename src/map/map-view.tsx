import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Map, Layer, ScaleControl, Source, useMap, type MapLayerMouseEvent, type MapRef } from '@vis.gl/react-maplibre';
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  actorFeatures,
  areaFeatures,
  entityBounds,
  frameBounds,
  stepKeepPoints,
  movementFeatures,
  movementRoutes,
  routeLines,
  movingUnits,
  placeFeatures,
  positionFeatures,
  relationFeatures,
} from '../scenario/derive/features.ts';
import type { EntityKind, EntityRef } from '../scenario/derive/details.ts';
import {
  useActions,
  useSettledDate,
  useOverlayVisible,
  useOverlays,
  useFrameRequest,
  useHovered,
  useLayers,
  useRelationTypes,
  useScenario,
  useSelection,
  useStoreApi,
  useCameraRequest,
  useHighlight,
  useProjector,
  useIsPresenting,
  usePlaying,
} from '../state/hooks.ts';
import { dayOf } from '../scenario/derive/time.ts';
import { MovingUnitsLayer } from './layers/moving-units-layer.ts';
import { OVERLAY_SOURCE_PREFIX, overlayLayers, overlaySourceId } from './layers/overlay-layers.ts';
import { basemapStyle } from './basemap-style.ts';
import { basemapData } from './basemap-data.ts';
import { WORKER_URL } from './maplibre-worker.ts';
import { addMapImage } from './map-images.ts';
import { editable } from './editable.ts';
import { prefersReducedMotion } from '../lib/motion.ts';
import { viewBoundsOf } from '../lib/view-bounds.ts';
import { afterNextPaint, afterPresented } from '../lib/after-paint.ts';
import { estimatorName, useT, type Lang } from '../i18n/index.ts';
import { DAY_STATE, PROJECTOR_STATE, INTERACTIVE_LAYERS, SOURCE } from './layers/scenario-layers.ts';
import { OVERLAYS_BELOW, filterBoundaries, filterDay, layerChanges, scenarioLayers, scenarioSources, type ScenarioSourceData } from './layers/scenario-style.ts';
import { tooltipAt, type Tooltip } from './tooltip.ts';

const KIND_OF_SOURCE: Record<string, EntityKind> = {
  [SOURCE.actors]: 'actor',
  [SOURCE.relations]: 'relation',
  [SOURCE.movements]: 'movement',
  [SOURCE.positions]: 'position',
  [SOURCE.areas]: 'position',
  [SOURCE.places]: 'place',
};

/** Sources that draw each entity kind, for feature-state (an area shares its position's id). */
const SOURCES_OF_KIND: Record<EntityKind, string[]> = {
  actor: [SOURCE.actors],
  relation: [SOURCE.relations],
  movement: [SOURCE.movements, SOURCE.movementFocus],
  position: [SOURCE.positions, SOURCE.areas],
  place: [SOURCE.places],
  overlay: [],
};

/** Overlay feature ids are "<overlay index>-<feature index>"; the source follows from the first part. */
function overlaySourcesOf(id: string): string[] {
  return [`${OVERLAY_SOURCE_PREFIX}${id.split('-')[0]}`];
}

/** During playback, finished legs pass to the static route lines once per this many days (see MapView). */
const HANDOVER_DAYS = 7;
const FRAME_PADDING = { top: 60, bottom: 60, left: 60, right: 60 };
/** Frames never zoom closer than this: the sources locate nothing more precisely than a district. */
const FRAME_MAX_ZOOM = 7;
/** Width the details panel covers on wide screens (see .details in app.css). */
const PANEL_WIDTH = 440;
const NARROW = 760;

/**
 * Room kept between what a camera move brings into view and a panel over the map, px: a marker's
 * label, which may have to go on the panel's side of it, and labels never go under a panel
 * (panel-keepouts.ts).
 */
const PANEL_GAP = 100;

/** Screen padding that keeps the part of the map the details panel covers out of camera moves. */
function viewPadding(map: MaplibreMap, panelOpen: boolean) {
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  if (!panelOpen) return FRAME_PADDING;
  // On phones the panel is a bottom sheet over ~62% of the height.
  if (w <= NARROW) return { ...FRAME_PADDING, top: 40, bottom: Math.round(h * 0.62) + 20 };
  return { ...FRAME_PADDING, right: Math.min(PANEL_WIDTH, w - 120) + PANEL_GAP };
}

type ViewFrame = typeof import('../lib/view-frame.ts');

/**
 * Screen padding that keeps the panels over the map (measured: the details panel, and while
 * presenting the caption, legend and date) out of camera moves: PANEL_GAP from a panel, 60 from
 * the map's edge. Null until view-frame.ts has loaded, or while the selection's details panel is
 * not there yet (loading on first use).
 */
function coveredPadding(map: MaplibreMap, vf: ViewFrame | null) {
  if (!vf || !document.querySelector(`[${vf.COVERS_MAP_ATTR}="details"]`)) return null;
  const { size, free } = vf.measureFreeArea(map.getContainer());
  const edge = (inset: number) => (inset > 0.5 ? Math.round(inset) + PANEL_GAP : 60);
  return { left: edge(free.x), top: edge(free.y), right: edge(size.width - free.x - free.width), bottom: edge(size.height - free.y - free.height) };
}

declare global {
  interface Window {
    /** The map instance, for browser tests and benchmarks (waiting for `idle`, projecting points). */
    __sitmapMap?: MaplibreMap;
  }
}

/** The map's whole style: the basemap, and the scenario's sources and layers as given. */
function fullStyle(sources: ScenarioSourceData, layers: LayerSpecification[], day: number): StyleSpecification {
  const base = basemapStyle(basemapData(import.meta.env.BASE_URL));
  return { ...base, sources: { ...base.sources, ...scenarioSources(sources) }, layers: [...base.layers, ...layers], state: { [DAY_STATE]: { default: day } } };
}

/**
 * Sets a feature-state flag on the sources drawing `ref` and clears it from the previous one.
 * With `defer` (lib/after-paint.ts), both happen after the browser has painted the frame that
 * answers the input: a hover a frame later (`afterNextPaint`); a click on an actor paints its
 * details first and redraws the map once that frame has had time to reach the screen
 * (`afterPresented`), instead of making the panel wait for a map redraw (bench/RESULTS.md,
 * interaction). Without it (a briefing step), at once.
 */
function useFeatureFlag(
  map: MaplibreMap | null,
  ref: EntityRef | null,
  flag: 'hover' | 'selected' | 'highlight',
  territoryIso: string | null,
  generation: number,
  defer: typeof afterNextPaint | null,
) {
  useEffect(() => {
    if (!map) return;
    const targets: Array<{ source: string; id: string }> = ref
      ? (ref.kind === 'overlay' ? overlaySourcesOf(ref.id) : SOURCES_OF_KIND[ref.kind]).map((source) => ({ source, id: ref.id }))
      : [];
    if (territoryIso) targets.push({ source: 'countries', id: territoryIso });
    if (!targets.length) return;
    const mark = (on: boolean) => {
      // A deferred call may come after the map was removed (its canvas left the page).
      if (!map.getCanvas().isConnected || !editable(map)) return;
      for (const t of targets) if (map.getSource(t.source)) map.setFeatureState(t, { [flag]: on });
    };
    if (!defer) {
      mark(true);
      return () => mark(false);
    }
    // Set and cleared in the order scheduled: an old flag's clearing runs before a new one is set.
    let shown = false;
    const cancel = defer(() => {
      shown = true;
      mark(true);
    });
    return () => {
      cancel();
      if (shown) defer(() => mark(false));
    };
  }, [map, ref, flag, territoryIso, generation, defer]);
}

/** Sets feature-state 'highlight' on every entity a briefing step emphasises (briefing mode). */
function useHighlightFlags(map: MaplibreMap | null, refs: EntityRef[], isoOf: (id: string) => string | null, generation: number) {
  useEffect(() => {
    if (!map) return;
    const targets = refs.flatMap((ref) => [
      ...(ref.kind === 'overlay' ? overlaySourcesOf(ref.id) : SOURCES_OF_KIND[ref.kind]).map((source) => ({ source, id: ref.id })),
      ...(ref.kind === 'actor' && isoOf(ref.id) ? [{ source: 'countries', id: isoOf(ref.id)! }] : []),
    ]);
    const mark = (highlight: boolean) => {
      if (editable(map)) for (const t of targets) if (map.getSource(t.source)) map.setFeatureState(t, { highlight });
    };
    mark(true);
    return () => mark(false);
  }, [map, refs, isoOf, generation]);
}

/**
 * What the map needs from its creation, before its first `load` (this mounts with the map, while
 * its first style loads):
 * - our images (the relations' arrow, the label keep-outs' square), added when a style first asks
 *   for one: the first style and any after it (a restored WebGL context). A resolver, not a
 *   `styleimagemissing` listener: MapLibre waits for it, where after the event it counted the
 *   image missing, warned, and laid out the tiles that use it again;
 * - `onRestored` on every restored WebGL context, a loss during the first load included.
 */
function MapSetup({ onRestored }: { onRestored: (map: MaplibreMap) => void }) {
  const { current } = useMap();
  useLayoutEffect(() => {
    const m = current?.getMap();
    if (!m) return;
    m.setMissingStyleImageResolver((id) => addMapImage(m, id));
    const restored = () => onRestored(m);
    m.on('webglcontextrestored', restored);
    return () => {
      m.setMissingStyleImageResolver(null);
      m.off('webglcontextrestored', restored);
    };
  }, [current, onRestored]);
  return null;
}

/** The situation map: basemap plus scenario layers, wired to the store. */
export function MapView() {
  const scenario = useScenario();
  const layers = useLayers();
  const selection = useSelection();
  const hovered = useHovered();
  const frameRequest = useFrameRequest();
  const relationTypes = useRelationTypes();
  const cameraRequest = useCameraRequest();
  const highlight = useHighlight();
  const projector = useProjector();
  const playing = usePlaying();
  const cameraRequestRef = useRef(cameraRequest);
  cameraRequestRef.current = cameraRequest;
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const { select, hover } = useActions();
  const { t, i18n } = useT();
  const lang = i18n.language as Lang;
  // Filters and troop numbers follow the settled date: they change only when the situation does.
  const date = useSettledDate();
  const store = useStoreApi();
  const overlays = useOverlays();
  const overlayVisible = useOverlayVisible();
  // Bumped when the WebGL context comes back: MapLibre restores the style but not custom layers
  // or feature-state, so the effects that set those run again.
  const [generation, setGeneration] = useState(0);
  const mapRef = useRef<MapRef>(null);
  const [map, setMap] = useState<MaplibreMap | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);

  const data = useMemo(
    () => ({
      actors: actorFeatures(scenario),
      relations: relationFeatures(scenario),
      routes: movementRoutes(scenario),
      areas: areaFeatures(scenario),
      places: placeFeatures(scenario),
    }),
    [scenario],
  );
  // What changes with the date is rebuilt once per day shown, not per playback frame: the
  // travelled part of each leg and the troop numbers on the markers. Units glide on the GPU.
  // The same object as before when nothing in it changed (the settled date also moves for
  // movements): a new object is a setData, and MapLibre re-tiles the source.
  const lastPositions = useRef<{ json: string; fc: ReturnType<typeof positionFeatures> } | null>(null);
  const positions = useMemo(() => {
    const fc = positionFeatures(scenario, date, lang, (k) => estimatorName(k, lang));
    const json = JSON.stringify(fc);
    if (lastPositions.current?.json === json) return lastPositions.current.fc;
    lastPositions.current = { json, fc };
    return fc;
  }, [scenario, date, lang]);
  // MapLibre's own controls: the compact attribution button's name follows the language.
  useEffect(() => {
    const button = map?.getContainer().querySelector('.maplibregl-ctrl-attrib-button');
    button?.setAttribute('title', t('app.attrib'));
    button?.setAttribute('aria-label', t('app.attrib'));
  }, [map, t, lang]);
  const movements = useMemo(() => movementFeatures(scenario, data.routes), [scenario, data.routes]);
  const hoveredLeg = hovered?.kind === 'movement' ? hovered.id : null;
  const selectedLeg = selection?.kind === 'movement' ? selection.id : null;
  const movementFocus = useMemo(
    () => ({ ...movements, features: movements.features.filter((f) => f.properties.id === hoveredLeg || f.properties.id === selectedLeg) }),
    [movements, hoveredLeg, selectedLeg],
  );
  const day = dayOf(date);
  // The map's `day` state moves only when a relation, area or position starts or ends
  // (scenario-style.ts filterDay): each change of it re-tiles every source it filters.
  const boundaries = useMemo(() => filterBoundaries([data.relations, data.areas, positions]), [data.relations, data.areas, positions]);
  const mapDay = filterDay(boundaries, day);
  const mapDayRef = useRef(mapDay);
  mapDayRef.current = mapDay;
  useEffect(() => {
    if (map && editable(map)) map.setGlobalStateProperty(DAY_STATE, mapDay);
  }, [map, mapDay, generation]);
  const units = useMemo(() => {
    const layer = new MovingUnitsLayer('moving-units');
    layer.setUnits(movingUnits(scenario, data.routes));
    return layer;
  }, [scenario, data.routes]);
  const tints = useMemo(
    () => scenario.actors.flatMap((a): Array<[string, string]> => (a.iso3 ? [[a.iso3, a.color]] : [])),
    [scenario],
  );
  const isoOf = useMemo(() => new globalThis.Map(scenario.actors.map((a) => [a.id, a.iso3])), [scenario]);
  const routeData = useMemo(() => routeLines(scenario, data.routes), [scenario, data.routes]);
  const sourceData = useMemo(
    (): ScenarioSourceData => ({
      [SOURCE.areas]: data.areas,
      [SOURCE.relations]: data.relations,
      [SOURCE.routes]: routeData,
      [SOURCE.movementFocus]: movementFocus,
      [SOURCE.movements]: movements,
      [SOURCE.places]: data.places,
      [SOURCE.positions]: positions,
      [SOURCE.actors]: data.actors,
    }),
    [data, routeData, movementFocus, movements, positions],
  );
  const alleged = t('mprec.alleged');
  const layerSpecs = useMemo(
    () => scenarioLayers({ tints, visible: layers, relationTypes, alleged }),
    [tints, layers, relationTypes, alleged],
  );
  // ONE style from the start: the basemap and the scenario as of this first render, filtered by
  // the day shown, so the first frame and the first `idle` already show the situation. (Adding the
  // scenario's sources and layers after `load` cost a second round through the worker, about a
  // sixth of the cold load: bench/RESULTS.md.) Kept for the map's life: a new style object would
  // make react-maplibre call setStyle; later changes go through the effect below.
  const [style] = useState(() => fullStyle(sourceData, layerSpecs, mapDay));
  // What the live style holds: the first render's data and layers until the map has loaded, then
  // whatever this effect last applied. Data that changed is replaced (setData), layers are diffed.
  // (While the style cannot be changed, nothing is applied, and it all is once it can: `generation`.)
  const applied = useRef({ sources: sourceData, layers: layerSpecs });
  useEffect(() => {
    if (!map || !editable(map)) return;
    const prev = applied.current;
    for (const id of Object.values(SOURCE)) {
      if (sourceData[id] !== prev.sources[id]) map.getSource<GeoJSONSource>(id)?.setData(sourceData[id]);
    }
    for (const c of layerChanges(prev.layers, layerSpecs)) {
      if (c.op === 'filter') map.setFilter(c.id, c.value);
      else if (c.op === 'layout') map.setLayoutProperty(c.id, c.key as never, c.value as never);
      else map.setPaintProperty(c.id, c.key as never, c.value as never);
    }
    applied.current = { sources: sourceData, layers: layerSpecs };
  }, [map, sourceData, layerSpecs, generation]);
  const initialBounds = useMemo(() => frameBounds(scenario, scenario.frames[0]!.id), [scenario]);

  // Hover and selection follow the input a frame later (after the answer to it is painted); a
  // briefing step's selection comes with its camera and is shown at once, as part of the step.
  const stepSelection = cameraRequest?.selection === selection;
  useFeatureFlag(map, hovered, 'hover', hovered?.kind === 'actor' ? (isoOf.get(hovered.id) ?? null) : null, generation, afterNextPaint);
  useFeatureFlag(map, selection, 'selected', selection?.kind === 'actor' ? (isoOf.get(selection.id) ?? null) : null, generation, stepSelection ? null : afterPresented);

  // Briefing mode: emphasised entities, the projector theme (thicker lines, larger type) and
  // camera requests (a step's camera), reported back to the store once the map is idle there.
  const isoOfId = useCallback((id: string) => isoOf.get(id) ?? null, [isoOf]);
  useHighlightFlags(map, highlight, isoOfId, generation);
  useEffect(() => {
    if (map && editable(map)) map.setGlobalStateProperty(PROJECTOR_STATE, projector);
  }, [map, projector, generation]);
  // A step's camera, framed into the part of the map no panel covers (step-camera.ts, loaded with
  // the first request: only briefings make them). Once per request: the scenario is read through
  // a ref, so switching the language does not send the camera back to the last step.
  const scenarioRef = useRef(scenario);
  scenarioRef.current = scenario;
  useEffect(() => {
    if (!map || !cameraRequest) return;
    let stop: (() => void) | undefined;
    let current = true;
    const keep = stepKeepPoints(scenarioRef.current, cameraRequest.keep);
    import('./step-camera.ts')
      .then(({ showStep }) => {
        if (current) stop = showStep(map, cameraRequest, keep, store, () => scenarioRef.current);
      })
      .catch((e: unknown) => {
        // (A local chunk that failed to load: the step is shown unframed rather than not at all.)
        console.error(e);
        if (!current) return;
        map.jumpTo(cameraRequest);
        store.getState().briefingActions.cameraSettledAt(cameraRequest.seq);
      });
    return () => {
      current = false;
      stop?.();
    };
  }, [map, cameraRequest, store]);

  // While presenting, the part of the world in view goes to the store after each move (a step, a
  // pan, a resize): the audience's key lists only what the map draws there.
  const isPresenting = useIsPresenting();
  useEffect(() => {
    if (!map || !isPresenting) return;
    const { setViewBounds } = store.getState().briefingActions;
    const publish = () => setViewBounds(viewBoundsOf(map));
    publish();
    map.on('moveend', publish);
    return () => {
      map.off('moveend', publish);
      setViewBounds(null);
    };
  }, [map, isPresenting, store]);

  // A restored WebGL context (MapSetup): MapLibre reloads the style from a copy it took at the
  // loss, but takes none of a style still loading (a second loss soon after a restore, a loss
  // during the first load), and would leave the map blank: then the style is the app's own, as
  // last applied. Custom layers, feature-state and what changed meanwhile are set again once the
  // style has loaded (`generation`).
  const restored = useCallback((m: MaplibreMap) => {
    const { sources, layers } = applied.current;
    if (!m.style) m.setStyle(fullStyle(sources, layers, mapDayRef.current), { diff: false });
    m.once('style.load', () => setGeneration((g) => g + 1));
  }, []);

  useEffect(() => {
    if (!map || !frameRequest) return;
    const bounds = frameBounds(scenario, frameRequest.frameId);
    if (bounds) {
      map.fitBounds(bounds, {
        padding: viewPadding(map, !!selectionRef.current),
        maxZoom: FRAME_MAX_ZOOM,
        duration: prefersReducedMotion() ? 0 : 1200,
      });
    }
  }, [map, frameRequest, scenario]);

  // The panels over the map are measured by view-frame.ts (1.1 KB gzip), and labels kept from under
  // them by panel-keepouts.ts: both fetched once the map has first drawn rather than in the start
  // bundle. Until then the details panel's usual place is assumed.
  const viewFrame = useRef<ViewFrame | null>(null);
  useEffect(() => {
    if (!map) return;
    let stop: (() => void) | undefined;
    let live = true;
    const load = () => {
      void import('../lib/view-frame.ts').then((m) => {
        viewFrame.current = m;
      });
      import('./panel-keepouts.ts')
        .then(({ keepLabelsOffPanels }) => {
          if (live) stop = keepLabelsOffPanels(map);
        })
        .catch((e: unknown) => console.error(e));
    };
    // (Already idle, or at the first `idle`: the map may have gone idle before this effect ran.)
    if (map.loaded()) load();
    else map.once('idle', load);
    return () => {
      live = false;
      map.off('idle', load);
      stop?.();
    };
  }, [map]);

  // Bring a selection into view when it is off screen or under a panel (the details panel; while
  // presenting also the caption, legend and date); never zoom in.
  useEffect(() => {
    if (!map || !selection) return;
    // A briefing step set this selection together with its camera: the step's camera wins.
    if (cameraRequestRef.current?.selection === selection) return;
    const bounds = entityBounds(scenario, selection);
    if (!bounds) return;
    // After the details are painted: reading the container's size here would force a layout of
    // the page in the middle of the click, and a camera move redraws the map.
    return afterPresented(() => {
      if (!map.getCanvas().isConnected) return;
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      const pad = coveredPadding(map, viewFrame.current) ?? viewPadding(map, true);
      const inView = [bounds[0], bounds[1]].every((ll) => {
        const p = map.project(ll);
        return p.x >= pad.left && p.x <= w - pad.right && p.y >= pad.top && p.y <= h - pad.bottom;
      });
      if (inView) return;
      map.fitBounds(bounds, { padding: pad, maxZoom: map.getZoom(), duration: prefersReducedMotion() ? 0 : 800 });
    });
  }, [map, selection, scenario]);

  useEffect(() => {
    if (!map || !editable(map)) return;
    map.addLayer(units, map.getLayer('place-dots') ? 'place-dots' : undefined);
    const { clock } = store.getState();
    units.setTime(clock.time);
    const unsubscribe = clock.subscribe((t) => units.setTime(t));
    return () => {
      unsubscribe();
      if (editable(map) && map.getLayer(units.id)) map.removeLayer(units.id);
    };
  }, [map, units, store, generation]);
  useEffect(() => units.setVisible(layers.movements), [units, layers.movements]);

  // Completed legs pass from the units layer to static route lines: the routes' `done`
  // feature-state (a repaint, no re-layout) and the layer's cut change together. Shown still, on
  // the settled day. During playback only once a week (HANDOVER_DAYS): each feature-state change
  // re-uploads the route layers' paint buffers, the largest part of what a new day cost at
  // 1 week/s with 1,000 routes (bench/results/changes.md). Nothing shows it: until handed over, a
  // finished leg's trail is drawn whole by the units layer, in the same colour, width and dashes.
  const handoverDay = playing ? day - (((day % HANDOVER_DAYS) + HANDOVER_DAYS) % HANDOVER_DAYS) : day;
  const doneRef = useRef(new globalThis.Map<string, boolean>());
  useEffect(() => {
    doneRef.current.clear(); // new routes or a restored context: no state on the source yet
  }, [map, routeData, generation]);
  useEffect(() => {
    if (!map || !editable(map) || !map.getSource(SOURCE.routes)) return;
    for (const f of routeData.features) {
      const done = f.properties.doneDay <= handoverDay;
      if (doneRef.current.get(f.properties.id) === done) continue;
      map.setFeatureState({ source: SOURCE.routes, id: f.properties.id }, { done });
      doneRef.current.set(f.properties.id, done);
    }
    units.setDoneDay(handoverDay);
  }, [map, routeData, handoverDay, units, generation]);

  const onLoad = useCallback(() => {
    const m = mapRef.current?.getMap();
    if (!m) return;
    window.__sitmapMap = m;
    setMap(m);
  }, []);

  const entityAt = (e: MapLayerMouseEvent): { ref: EntityRef; label: string } | null => {
    const f = e.features?.[0];
    const isOverlay = !!f?.source.startsWith(OVERLAY_SOURCE_PREFIX);
    const kind = f && (isOverlay ? 'overlay' : KIND_OF_SOURCE[f.source]);
    const id = (isOverlay ? f?.properties?.__sitmapId : f?.properties?.id) as string | undefined;
    if (!kind || !id) return null;
    // Routes are static; a leg that has not begun by the day shown is not there to hover or click.
    if (kind === 'movement' && Number(f.properties?.startDay) > day) return null;
    const props = f.properties as Record<string, unknown>;
    const label = String(props.name ?? props.label ?? props.description ?? (isOverlay ? t('kind.overlay') : id));
    return { ref: { kind, id }, label };
  };

  const onClick = (e: MapLayerMouseEvent) => {
    const hit = entityAt(e);
    select(hit ? hit.ref : null);
  };
  // Where the pointer rests on the map, while its hover and tooltip stand: null once they are gone.
  const pointerRef = useRef<{ x: number; y: number } | null>(null);
  const onMouseMove = (e: MapLayerMouseEvent) => {
    const hit = entityAt(e);
    pointerRef.current = e.point;
    hover(hit?.ref ?? null);
    setTooltip(hit ? tooltipAt(e.point, hit.label, e.target.getContainer()) : null);
  };
  const clearPointer = useCallback(() => {
    if (!pointerRef.current) return; // a hover from the lists is theirs to clear
    pointerRef.current = null;
    hover(null);
    setTooltip(null);
  }, [hover]);
  // The browser says nothing while the pointer rests, so a hover names what was under it before
  // the map flew (a click, a briefing step) or before the details panel opened over it. A camera
  // the app moves clears it; so does a panel now over the pointer. The next move brings it back.
  useEffect(() => {
    if (!map) return;
    const moved = (e: { originalEvent?: unknown }) => {
      if (!e.originalEvent) clearPointer();
    };
    map.on('movestart', moved);
    return () => void map.off('movestart', moved);
  }, [map, clearPointer]);
  useEffect(() => {
    const p = pointerRef.current;
    if (!map || !p) return;
    const frame = requestAnimationFrame(() => {
      const canvas = map.getCanvas();
      const box = canvas.getBoundingClientRect();
      if (document.elementFromPoint(box.left + p.x, box.top + p.y) !== canvas) clearPointer();
    });
    return () => cancelAnimationFrame(frame);
  }, [map, selection, clearPointer]);

  const overlayIds = useMemo(() => overlays.flatMap((o) => overlayLayers(o, true).map((l) => l.id)), [overlays]);

  return (
    <div className="map-wrap" role="region" aria-label={t('app.map')}>
      <Map
        ref={mapRef}
        workerUrl={WORKER_URL}
        mapStyle={style}
        initialViewState={initialBounds ? { bounds: initialBounds, fitBoundsOptions: { padding: FRAME_PADDING } } : undefined}
        interactiveLayerIds={map ? [...INTERACTIVE_LAYERS.slice(0, 3), ...overlayIds, ...INTERACTIVE_LAYERS.slice(3)] : []}
        cursor={tooltip ? 'pointer' : 'grab'}
        onLoad={onLoad}
        onClick={onClick}
        onMouseMove={onMouseMove}
        onMouseLeave={clearPointer}
        attributionControl={{ compact: true, customAttribution: 'Natural Earth · GeoNames' }}
        // Users pan and zoom only (a tilted or turned map misleads more than it shows); a briefing
        // step may set bearing and pitch, so the camera allows them.
        dragRotate={false}
        touchPitch={false}
        maxPitch={60}
        // 0, not 1: a world view on a small screen needs less than 1 (a phone's first view, a 4:3
        // projector's world-wide briefing step: step-camera.ts TIGHT_FRAME). MapLibre itself
        // goes no further out than the world as tall as the map.
        minZoom={0}
        style={{ position: 'absolute', inset: 0 }}
      >
        <MapSetup onRestored={restored} />
        {/* Distances around Kursk (km), at the map's foot; not on the projected screen, where the
            caption has that corner (briefing.css). 120 px: SCALE_BAR_WIDTH (lib/scale-bar.ts, the
            exports' bar), not imported, which would bring that module into the start bundle. */}
        <ScaleControl position="bottom-left" unit="metric" maxWidth={120} />
        {map &&
          overlays.map((o) => (
            <Source key={o.id} id={overlaySourceId(o)} type="geojson" data={o.data} promoteId="__sitmapId" attribution={t('app.overlayAttr', { name: o.name })}>
              {overlayLayers(o, overlayVisible[o.id] ?? true).map((l) => (
                <Layer key={l.id} {...l} beforeId={OVERLAYS_BELOW} />
              ))}
            </Source>
          ))}
      </Map>
      {tooltip && (
        <div className="map-tooltip" style={tooltip.style} aria-hidden="true">
          {tooltip.text}
        </div>
      )}
    </div>
  );
}
