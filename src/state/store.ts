import { createStore, type StoreApi } from 'zustand/vanilla';
import { RELATION_TYPES, type RelationType } from '../scenario/constants.ts';
import type { Scenario, ScenarioFile } from '../scenario/schema.ts';
import { localizeScenario } from '../scenario/localize.ts';
import { currentLang, i18n } from '../i18n/index.ts';
import type { Overlay } from '../scenario/overlay-types.ts';
import { entityExists, type EntityRef } from '../scenario/derive/details.ts';
import { dayOf } from '../scenario/derive/time.ts';

/** Playback speeds offered, in days of scenario time per second. */
export const SPEEDS = [1, 7, 30] as const;
export type Speed = (typeof SPEEDS)[number];

export const LAYER_KINDS = ['territories', 'relations', 'movements', 'positions', 'places'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export interface SitmapState extends BriefingState {
  /**
   * The scenario file as loaded, with its localised texts (`{ en, de }`) unresolved: export writes
   * it back unchanged. Display code uses `useScenario()` or `resolvedScenario(state)`.
   */
  scenario: ScenarioFile;
  selection: EntityRef | null;
  /** Entity under the pointer or keyboard focus, highlighted on the map. */
  hovered: EntityRef | null;
  layers: Record<LayerKind, boolean>;
  /** Relation types shown while the relations layer is on. */
  relationTypes: Record<RelationType, boolean>;
  /** A request to frame the camera on a named frame; `seq` makes repeated requests distinct. */
  frameRequest: { frameId: string; seq: number } | null;
  /**
   * The moment shown, in days since 1970. The map and panels show what had happened or been said
   * by then. During playback it moves a whole day at a time; the fraction between (so movements
   * glide) is on `clock`.
   */
  time: number;
  /** The playback clock, to the frame: the units layer follows it without any React render. */
  clock: Clock;
  playing: boolean;
  speed: Speed;
  /** Layers from files the user opened (GeoJSON, KML), drawn over the scenario. */
  overlays: Overlay[];
  overlayVisible: Record<string, boolean>;
  /** A message for the user, e.g. a shared link naming something this scenario lacks. */
  notice: string | null;
  actions: {
    select: (ref: EntityRef | null) => void;
    hover: (ref: EntityRef | null) => void;
    /** Ends the hover of `ref` only: a blur or pointer leave must not clear what another item hovered since. */
    unhover: (ref: EntityRef) => void;
    toggleLayer: (kind: LayerKind) => void;
    toggleRelationType: (type: RelationType) => void;
    frame: (frameId: string) => void;
    dismissNotice: () => void;
    /** Shows the situation at time `t` (days), clamped to the scenario span. */
    scrubTo: (t: number) => void;
    /** Advances playback by `seconds` of wall time; stops at the end of the span. */
    advance: (seconds: number) => void;
    play: () => void;
    pause: () => void;
    setSpeed: (speed: Speed) => void;
    /**
     * Shows another scenario in place of this one (opened from a file): one map instance stays,
     * overlays stay, the date stays if the new span has it, a selection it lacks is cleared.
     */
    replaceScenario: (scenario: ScenarioFile) => void;
    addOverlay: (overlay: Overlay) => void;
    toggleOverlay: (id: string) => void;
    removeOverlay: (id: string) => void;
  };
}

export type SitmapStore = StoreApi<SitmapState>;

/**
 * The time to the frame, in days since 1970: equal to the store's `time` except during playback,
 * when `advance` moves it every frame and the store only when the day changes. A store update
 * runs every subscriber's selector (a few hundred: every list row has one), so per-frame time in
 * the store cost the main thread that much on every playback frame.
 */
export interface Clock {
  readonly time: number;
  /** Calls `listener` with each new time; returns the unsubscribe function. */
  subscribe(listener: (time: number) => void): () => void;
}

function createClock(start: number): Clock & { set(time: number): void } {
  const listeners = new Set<(time: number) => void>();
  let time = start;
  return {
    get time() {
      return time;
    },
    set(t: number) {
      if (t === time) return;
      time = t;
      for (const l of listeners) l(t);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ---- Briefing mode (helper "briefing-ui"): camera requests, highlight, presenting, projector ----
/** A camera the map should show; `seq` makes repeated requests distinct. */
export interface CameraRequest {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  /** Fly there (else jump); the map jumps anyway under prefers-reduced-motion. */
  animate: boolean;
  seq: number;
  /** The selection set with this camera: the map does not re-frame it (the step's camera wins). */
  selection: EntityRef | null;
  /**
   * What the view is about (its selection and highlights): the map keeps their places in the part
   * of the map not under a panel, zooming out from `zoom` if it must (src/lib/view-frame.ts).
   */
  keep: EntityRef[];
}
/** An absolute view (a briefing step): everything not named is shown / cleared. */
export interface ViewSpec {
  date: string;
  camera: { center: [number, number]; zoom: number; bearing?: number; pitch?: number };
  selection?: EntityRef | null;
  layers?: Partial<Record<LayerKind, boolean>>;
  relationTypes?: Partial<Record<RelationType, boolean>>;
  highlight?: EntityRef[];
}
export type Blank = 'black' | 'white';
export interface BriefingState {
  cameraRequest: CameraRequest | null;
  /** `seq` of the last camera request the map has reached and drawn (idle). */
  cameraSettled: number;
  /** Entities drawn emphasised (feature-state 'highlight'). */
  highlight: EntityRef[];
  /** The briefing being presented and its step (0-based), or null while exploring. */
  presenting: { briefingId: string; step: number } | null;
  /**
   * While presenting, the audience's screen blanked, black or white (B and W, as in presentation
   * software); null when it shows the step. A new step, and leaving, bring the picture back.
   */
  blank: Blank | null;
  /**
   * How many times the step on screen has been asked for again (its number and Enter, as in
   * presentation software): the audience view shows it afresh, back from wherever the map was
   * moved (a pointer clicked, a question answered by panning).
   */
  reshown: number;
  /** High-contrast, large-type theme for projectors (map and panels). */
  projector: boolean;
  /**
   * While presenting, the part of the world the map shows, [west, south, east, north] (west and
   * east may run past ±180), as of its last move: the audience's key lists only what is in it.
   * Null while exploring.
   */
  viewBounds: [number, number, number, number] | null;
  briefingActions: {
    /** Shows an absolute view in one update: date (stops playback), selection, layers, highlight, camera. */
    applyView: (view: ViewSpec, animate: boolean) => number;
    cameraSettledAt: (seq: number) => void;
    present: (briefingId: string, step: number) => void;
    stopPresenting: () => void;
    setBlank: (blank: Blank | null) => void;
    /** Shows the step on screen again (`reshown`), and the picture if the screen was blank. */
    reshow: () => void;
    setProjector: (on: boolean) => void;
    setViewBounds: (bounds: [number, number, number, number] | null) => void;
  };
}
// ---- end briefing mode ----

/**
 * The store's scenario resolved to a language (by default the UI's current one): every text a
 * plain string. Memoised per file and language, so it is the same object until either changes.
 */
export function resolvedScenario(state: Pick<SitmapState, 'scenario'>, lang = currentLang()): Scenario {
  return localizeScenario(state.scenario, lang);
}

/**
 * One store per loaded scenario. Selection requests for things the scenario lacks (e.g. a link
 * with `#actor=atlantis`) leave the selection unchanged and say so in `notice`.
 */
export function createSitmapStore(
  scenario: ScenarioFile,
  initial: { selection?: EntityRef | null; date?: string; overlays?: Overlay[]; presenting?: { briefingId: string; step: number } | null } = {},
): SitmapStore {
  const overlayFeature = (overlays: Overlay[], id: string) =>
    overlays.some((o) => o.data.features.some((f) => f.properties?.__sitmapId === id));
  const unknown = (ref: EntityRef) => i18n.t('notice.unknown', { kind: i18n.t(`kind.${ref.kind}`), kindLower: i18n.t(`kind.${ref.kind}`).toLowerCase(), id: ref.id });
  const start = initial.selection ?? null;
  const startValid = start === null || entityExists(localizeScenario(scenario, currentLang()), start);
  let first = dayOf(scenario.span.start);
  let last = dayOf(scenario.span.end);
  const clamp = (t: number) => Math.min(last, Math.max(first, t));
  const dateValid = initial.date === undefined || (initial.date >= scenario.span.start && initial.date <= scenario.span.end);
  const notices = [
    startValid || !start ? null : unknown(start),
    dateValid ? null : i18n.t('notice.dateOutside', { date: initial.date, start: scenario.span.start, end: scenario.span.end }),
  ].filter(Boolean);
  const startTime = initial.date && dateValid ? dayOf(initial.date) : last;
  const clock = createClock(startTime);
  let advancing = false;
  const store = createStore<SitmapState>()((set, get) => ({
    // ---- Briefing mode (helper "briefing-ui") ----
    cameraRequest: null,
    cameraSettled: 0,
    highlight: [],
    presenting: initial.presenting ?? null,
    blank: null,
    reshown: 0,
    projector: !!initial.presenting,
    viewBounds: null,
    briefingActions: {
      applyView: (view, animate) => {
        const s = get();
        const ref = view.selection ?? null;
        const known = !ref || entityExists(resolvedScenario(s), ref);
        const seq = (s.cameraRequest?.seq ?? 0) + 1;
        const c = view.camera;
        set({
          time: clamp(dayOf(view.date)),
          playing: false,
          selection: known ? ref : null,
          hovered: null,
          layers: Object.fromEntries(LAYER_KINDS.map((k) => [k, view.layers?.[k] ?? true])) as Record<LayerKind, boolean>,
          relationTypes: Object.fromEntries(RELATION_TYPES.map((t) => [t, view.relationTypes?.[t] ?? true])) as Record<RelationType, boolean>,
          highlight: view.highlight ?? [],
          cameraRequest: {
            center: c.center,
            zoom: c.zoom,
            bearing: c.bearing ?? 0,
            pitch: c.pitch ?? 0,
            animate,
            seq,
            selection: known ? ref : null,
            keep: [...(known && ref ? [ref] : []), ...(view.highlight ?? [])],
          },
          ...(known || !ref ? {} : { notice: unknown(ref) }),
        });
        return seq;
      },
      cameraSettledAt: (seq) => set({ cameraSettled: seq }),
      present: (briefingId, step) => {
        const p = get().presenting;
        if (p?.briefingId === briefingId && p.step === step) return;
        set({ presenting: { briefingId, step }, blank: null, ...(p ? {} : { projector: true }) });
      },
      stopPresenting: () => set({ presenting: null, blank: null, highlight: [] }),
      setBlank: (blank) => {
        if (get().presenting && get().blank !== blank) set({ blank });
      },
      reshow: () => {
        if (get().presenting) set({ reshown: get().reshown + 1, blank: null });
      },
      setProjector: (on) => set({ projector: on }),
      setViewBounds: (bounds) => {
        const b = get().viewBounds;
        if (b === bounds || (b && bounds && b.every((v, i) => v === bounds[i]))) return;
        set({ viewBounds: bounds });
      },
    },
    // ---- end briefing mode ----
    scenario,
    selection: startValid ? start : null,
    hovered: null,
    layers: { territories: true, relations: true, movements: true, positions: true, places: true },
    relationTypes: Object.fromEntries(RELATION_TYPES.map((t) => [t, true])) as Record<RelationType, boolean>,
    frameRequest: null,
    notice: notices.length ? notices.join(' ') : null,
    time: startTime,
    clock,
    overlays: initial.overlays ?? [],
    overlayVisible: Object.fromEntries((initial.overlays ?? []).map((o) => [o.id, true])),
    playing: false,
    speed: 7,
    actions: {
      select: (ref) => {
        const known = ref && (ref.kind === 'overlay' ? overlayFeature(get().overlays, ref.id) : entityExists(resolvedScenario(get()), ref));
        if (ref && !known) {
          set({ notice: unknown(ref) });
          return;
        }
        set({ selection: ref });
      },
      hover: (ref) => {
        const h = get().hovered;
        if (h?.kind === ref?.kind && h?.id === ref?.id) return;
        set({ hovered: ref });
      },
      unhover: (ref) => {
        const h = get().hovered;
        if (h?.kind === ref.kind && h.id === ref.id) set({ hovered: null });
      },
      toggleLayer: (kind) => set((s) => ({ layers: { ...s.layers, [kind]: !s.layers[kind] } })),
      toggleRelationType: (type) => set((s) => ({ relationTypes: { ...s.relationTypes, [type]: !s.relationTypes[type] } })),
      frame: (frameId) => set((s) => ({ frameRequest: { frameId, seq: (s.frameRequest?.seq ?? 0) + 1 } })),
      dismissNotice: () => set({ notice: null }),
      scrubTo: (t) => {
        const time = clamp(t);
        if (time !== get().time) set({ time });
        else clock.set(time); // the same day, but the clock may be part way through it
      },
      advance: (seconds) => {
        // Never backwards: a frame's timestamp can precede the moment playback started, and at
        // a month per second a few milliseconds before midnight put the date a day back.
        if (!(seconds > 0)) return;
        const { time, speed } = get();
        const next = clamp(clock.time + seconds * speed);
        clock.set(next);
        advancing = true;
        try {
          if (next >= last) set({ time: last, playing: false });
          else if (Math.floor(next) !== Math.floor(time)) set({ time: Math.floor(next) });
        } finally {
          advancing = false;
        }
      },
      play: () => set((s) => ({ playing: true, time: s.time >= last ? first : s.time })),
      pause: () => set({ playing: false }),
      setSpeed: (speed) => set({ speed }),
      replaceScenario: (next) => {
        first = dayOf(next.span.start);
        last = dayOf(next.span.end);
        const { selection, time } = get();
        set({
          scenario: next,
          selection: selection && entityExists(localizeScenario(next, currentLang()), selection) ? selection : null,
          hovered: null,
          time: time >= first && time <= last ? time : last,
          playing: false,
          frameRequest: { frameId: next.frames[0]!.id, seq: (get().frameRequest?.seq ?? 0) + 1 },
          notice: null,
        });
      },
      addOverlay: (overlay) =>
        set((s) => ({ overlays: [...s.overlays, overlay], overlayVisible: { ...s.overlayVisible, [overlay.id]: true } })),
      toggleOverlay: (id) => set((s) => ({ overlayVisible: { ...s.overlayVisible, [id]: !s.overlayVisible[id] } })),
      removeOverlay: (id) =>
        set((s) => ({
          overlays: s.overlays.filter((o) => o.id !== id),
          selection: s.selection?.kind === 'overlay' && s.selection.id.startsWith(`${id.replace('overlay-', '')}-`) ? null : s.selection,
        })),
    },
  }));
  // Whatever else sets the time (a scrub, a briefing step, another scenario, a test) sets the clock.
  store.subscribe((state, prev) => {
    if (!advancing && state.time !== prev.time) clock.set(state.time);
  });
  return store;
}
