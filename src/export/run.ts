import type { Map as MaplibreMap } from 'maplibre-gl';
import { resolvedScenario, type SitmapState, type SitmapStore } from '../state/store.ts';
import type { Briefing, Scenario, Step } from '../scenario/schema.ts';
import { isoOf } from '../scenario/derive/time.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { SCALE_BAR_WIDTH, scaleBar } from '../lib/scale-bar.ts';
import { i18n } from '../i18n/index.ts';
import { applyStep } from '../state/apply-step.ts';
import { cameraOf, currentMap, grabFrame, mapIdle, pngOf, settle, withMapSize } from './capture.ts';
import { claimsInView, publishersOf } from './citations.ts';
import { SLIDE, SLIDE_MAP, SLIDE_MAP_PIXEL_RATIO, drawScale, drawSlide, stepSubtitle } from './slide.ts';
import { legendItems, legendLabels, type LegendItem } from '../ui/legend-items.ts';
import { viewBoundsOf } from '../lib/view-bounds.ts';
import { drawPointers, imagePointers } from './pointers.ts';

export class NoMapError extends Error {}

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'export', ...options });
const tc = (key: string) => i18n.t(key, { ns: 'common' });

function mapOrThrow(): MaplibreMap {
  const map = currentMap();
  if (!map) throw new NoMapError(t('noMap'));
  return map;
}

/** "50 km", "500 m": a scale bar's distance, in the language shown. */
function distanceLabel(metres: number): string {
  return metres >= 1000 ? `${formatNumber(metres / 1000)} km` : `${formatNumber(metres)} m`;
}

/**
 * Draws the scale bar of the map as it is now (`ratio`: image px per CSS px; `k`: type scale)
 * into the lower left corner of its captured image, if it has one (lib/scale-bar.ts: none on a
 * world view).
 */
function drawMapScale(map: MaplibreMap, ctx: CanvasRenderingContext2D, ratio: number, k: number): void {
  const bar = scaleBar({ lat: map.getCenter().lat, zoom: map.getZoom(), height: map.getContainer().clientHeight, maxWidth: SCALE_BAR_WIDTH });
  // 2 % of the image's width from its edges: 29 px on the slide's map, 38 on a handout's.
  const inset = Math.round(ctx.canvas.width * 0.02);
  if (bar) drawScale(ctx, { width: bar.width * ratio, label: distanceLabel(bar.metres) }, inset, ctx.canvas.height - inset, k);
}

/** Inter is bundled (@fontsource); the canvas uses it only once the faces are loaded. */
async function fontsReady(): Promise<void> {
  await Promise.all([400, 600, 700].map((w) => document.fonts.load(`${w} 40px Inter`).catch(() => [])));
  await document.fonts.ready;
}

/** The step being presented, if any (the title and claims of a slide then come from it). */
export function presentedStep(state: SitmapState, scenario: Scenario): { briefing: Briefing; step: Step; index: number } | null {
  const p = state.presenting;
  const briefing = p && scenario.briefings?.find((b) => b.id === p.briefingId);
  const step = p && briefing ? briefing.steps[p.step] : undefined;
  return briefing && step ? { briefing, step, index: p.step } : null;
}

/**
 * Renders the slide of the current view: 1920×1080 with title, "as of" date, legend and sources.
 * The map is drawn at the slide's map size whatever the window, at pixel ratio 1.
 */
export async function renderSlide(store: SitmapStore): Promise<{ blob: Blob; filename: string }> {
  const map = mapOrThrow();
  const { actions } = store.getState();
  actions.pause();
  actions.hover(null);
  await fontsReady();
  // Pixel ratio 1.5: labels, lines and markers come out 1.5 times as large as on screen, legible
  // from the back of a room; the slide's map area shows the area the user saw.
  const ratio = SLIDE_MAP_PIXEL_RATIO;
  // The slide's key lists what its map shows: the bounds are read at the slide's map size.
  const scenario = resolvedScenario(store.getState());
  const presented = presentedStep(store.getState(), scenario);
  const { frame, bounds } = await withMapSize(map, { width: Math.round(SLIDE_MAP.width / ratio), height: Math.round(SLIDE_MAP.height / ratio), pixelRatio: ratio }, async () => {
    const frame = await grabFrame(map);
    const ctx = frame.getContext('2d')!;
    // A scale bar at most as long as the one on screen, at the slide map's size (the frame is
    // the slide's map area, pixel for pixel).
    drawMapScale(map, ctx, ratio, 1);
    // The actors of the step presented that the slide's map does not show get pointers, as on screen.
    if (presented) drawPointers(ctx, imagePointers(map, scenario, presented.step, ctx), ratio);
    return { frame, bounds: viewBoundsOf(map) };
  });
  const state = store.getState();
  const date = isoOf(state.time);
  const claimIds = presented?.step.claimIds?.length ? presented.step.claimIds : claimsInView(scenario, { ...state, date });
  const sources = publishersOf(scenario, claimIds);
  const canvas = document.createElement('canvas');
  canvas.width = SLIDE.width;
  canvas.height = SLIDE.height;
  drawSlide(canvas.getContext('2d')!, frame, {
    title: presented ? presented.step.title : scenario.title,
    subtitle: presented ? stepSubtitle(scenario.title, presented.briefing.title) : '',
    asOfLabel: t('asOf'),
    asOfDate: formatDate(date),
    legendTitle: t('legend'),
    legend: legendItems(scenario, { ...state, date, bounds }, legendLabels(tc)),
    sourcesLabel: t('sources'),
    sources: sources.length ? sources : [t('noSources')],
    more: (count) => t('more', { count }),
    mapData: t('mapData'),
  });
  return { blob: await pngOf(canvas), filename: `sitmap-${scenario.id}-${date}.png` };
}

/** Starts a download of a blob under a file name (a blob: URL, allowed by the CSP). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What a handout changes in the store and must put back: the user's view. */
const VIEW_KEYS = ['selection', 'time', 'layers', 'relationTypes', 'highlight', 'overlayVisible'] as const;
type ViewSnapshot = Partial<Pick<SitmapState, (typeof VIEW_KEYS)[number]>>;

function snapshotView(store: SitmapStore): ViewSnapshot {
  const s = store.getState();
  return Object.fromEntries(VIEW_KEYS.filter((k) => k in s).map((k) => [k, s[k]])) as ViewSnapshot;
}

/**
 * Handout images are drawn at 960×540 CSS px and pixel ratio 2 (a 1920×1080 image): on an A4
 * page the map is ~16 cm wide, and labels drawn for a 1920-px-wide screen would print at 4 pt.
 * Step cameras are meant for a full-screen presentation, taken as 1920×1080 CSS px, so the zoom is
 * lowered to show the same area at the smaller size.
 */
export const HANDOUT_IMAGE = { width: 960, height: 540, pixelRatio: 2, reference: 1920 } as const;

/**
 * Each step's selection was pushed to the browser history (the URL keeps the selection); once the
 * view is restored, go back to the entry the user was on, so Back does not walk through the steps.
 * Only when the URL is the same as before (then the navigation changes nothing on screen).
 */
async function dropHistory(before: { length: number; hash: string }): Promise<void> {
  const pushed = history.length - before.length;
  if (pushed <= 0 || location.hash !== before.hash) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 2000);
    function done() {
      clearTimeout(timer);
      window.removeEventListener('popstate', done);
      resolve();
    }
    window.addEventListener('popstate', done);
    history.go(-pushed);
  });
}

export interface HandoutPage {
  step: Step;
  /** blob: URL of the step's map image; revoke when the handout is gone. */
  image: string;
  /** The key of what that image shows (the legend items of the step's view, within its bounds). */
  legend: LegendItem[];
}

export type Progress = { phase: 'step'; n: number; total: number } | { phase: 'restoring' };

/**
 * Steps through a briefing (each step shown with `applyStep`, no animation), captures each view,
 * and puts the user's view back afterwards (selection, date, layers, highlight, camera), also when
 * cancelled or failing. Returns the pages rendered (fewer when cancelled).
 */
export async function renderHandout(
  store: SitmapStore,
  briefing: Briefing,
  { onProgress, signal }: { onProgress: (p: Progress) => void; signal: AbortSignal },
): Promise<HandoutPage[]> {
  const map = mapOrThrow();
  store.getState().actions.pause();
  const view = snapshotView(store);
  const history0 = { length: history.length, hash: location.hash };
  const pages: HandoutPage[] = [];
  const { width, height, pixelRatio, reference } = HANDOUT_IMAGE;
  try {
    await withMapSize(map, { width, height, pixelRatio, keepArea: false }, async () => {
      try {
        for (const [i, step] of briefing.steps.entries()) {
          if (signal.aborted) break;
          onProgress({ phase: 'step', n: i + 1, total: briefing.steps.length });
          await applyStep(step, { store, animate: false, timeout: 30_000 });
          const c = step.camera;
          map.jumpTo({ center: c.center, zoom: c.zoom + Math.log2(width / reference), bearing: c.bearing ?? 0, pitch: c.pitch ?? 0 });
          await mapIdle(map);
          if (signal.aborted) break;
          const state = store.getState();
          const scenario = resolvedScenario(state);
          const legend = legendItems(scenario, { ...state, date: isoOf(state.time), bounds: viewBoundsOf(map) }, legendLabels(tc));
          const frame = await grabFrame(map);
          const ctx = frame.getContext('2d')!;
          // The scale at 1.2 times the slide's type: the image is printed about 14 cm wide.
          drawMapScale(map, ctx, pixelRatio, 1.2);
          drawPointers(ctx, imagePointers(map, scenario, step, ctx), pixelRatio);
          pages.push({ step, image: URL.createObjectURL(await pngOf(frame)), legend });
        }
      } finally {
        onProgress({ phase: 'restoring' });
        store.getState().actions.hover(null);
        store.setState(view);
        // Let the map view react to the restored selection before the camera is put back.
        await settle();
        await dropHistory(history0);
      }
    });
  } catch (e) {
    for (const p of pages) URL.revokeObjectURL(p.image);
    throw e;
  }
  return pages;
}

export { cameraOf };
