import type { Map as MaplibreMap } from 'maplibre-gl';
import type { CameraRequest, SitmapStore } from '../state/store.ts';
import { COVERS_MAP_ATTR, NAME_ROOM, frameView, measureFreeArea, type Camera } from '../lib/view-frame.ts';
import { prefersReducedMotion } from '../lib/motion.ts';
import type { Scenario } from '../scenario/schema.ts';
import { actorCapitals, stepTargets } from '../scenario/derive/step-targets.ts';
import { stepMarks } from './step-marks.ts';
import { freshLabels } from './fresh-labels.ts';
import { PANEL_KEEPOUT_SOURCE } from './panel-keepouts.ts';

/**
 * Room between a point a step keeps in view and the edge of the clear part, px: its marker and
 * its label, which goes beside the marker (wider) or above or below it. `frameView` takes at most
 * a quarter of the clear part's width or height, so a small screen keeps some map.
 */
export const KEEP_MARGIN = { x: 160, y: 56 };
/**
 * A world view on a small screen (a 4:3 projector, 1024 px): rather than zoom out past 1 to keep
 * all of KEEP_MARGIN (below it Europe's markers, and East Asia's, pile up), a step keeps less room
 * across, down to this: enough for a marker's name above or below it. Only what does not fit even
 * so is framed further out (the map's minimum zoom is below 1 for that).
 */
const TIGHT_FRAME = { zoom: 1, margin: NAME_ROOM };
/** How long a step with a selection waits for the details panel (loaded on first use) before it is framed without. */
const PANEL_WAIT_MS = 1500;
/**
 * How long a step's labels wait for the panel keep-outs (panel-keepouts.ts, loaded after the map
 * first goes idle: a briefing opened by link) before they are placed without: placed before them,
 * they would keep the sides of that placement once the keep-outs came.
 */
const KEEPOUTS_WAIT_MS = 3000;
const FLY_MS = 1600;

/**
 * The actors a step is not about are not left just inside the clear part's edge, less than `room`
 * from it, where the marker shows but its name has no room: moved `room` in, or `hide` px out of
 * view (the projector's actor marker is ~16 px across its radius with its ring).
 */
const OTHER_ACTORS = { room: NAME_ROOM, hide: 18 };

/**
 * The least zoom MapLibre shows the map at: its minimum, or the zoom at which the world (512 px
 * at zoom 0) is as tall as the map, whichever is more: it never leaves space above or below the world.
 */
const leastZoom = (map: MaplibreMap, height: number) => Math.max(map.getMinZoom(), Math.log2(height / 512));

const sameCamera = (map: MaplibreMap, c: Camera) => {
  const m = map.getCenter();
  return Math.abs(m.lng - c.center[0]) < 1e-7 && Math.abs(m.lat - c.center[1]) < 1e-7 && Math.abs(map.getZoom() - c.zoom) < 1e-7;
};

/**
 * Shows a camera request (a briefing step) in the part of the map its audience can see. The panels
 * laid over the map (`data-covers-map`: the details panel; while presenting also the caption,
 * legend and date) are measured, and the step's camera is framed into what they leave clear, with
 * `keep` (the places of what the step is about: `stepKeepPoints`) inside it (src/lib/view-frame.ts).
 * A step with a selection waits for its details panel first. While presenting, the step is framed
 * again when the map or a panel changes size (full screen, a caption reflowing), unless someone
 * has moved the map since. The map's names are off while the camera goes there and placed afresh
 * once it is there (fresh-labels.ts), so a step's labels do not depend on the step before it.
 * Reports to the store once the map is idle there with its names drawn (`cameraSettledAt`).
 * Once framed, the actors the step is about that the map still cannot show get pointers at the
 * edge of the clear part (step-marks.ts) while presenting, until the next request. `scenario` gives the scenario
 * as shown (read again at each update, for the language). Returns what stops it (the next
 * request, unmounting). Loaded with the first camera request (map-view.tsx): only briefings make
 * them.
 */
export function showStep(map: MaplibreMap, request: CameraRequest, keep: Array<[number, number]>, store: SitmapStore, scenario: () => Scenario): () => void {
  const { seq, animate } = request;
  const container = map.getContainer();
  let framedFor = '';
  let target: Camera | null = null;
  let settled = false;
  let marks: { update: () => void; stop: () => void } | undefined;
  // Pointers only while presenting (the step's camera outlives the presentation).
  const unsubscribe = store.subscribe((s, prev) => {
    if (!s.presenting !== !prev.presenting) marks?.update();
  });
  // The names are off while the camera moves, and placed afresh once it is there (fresh-labels.ts):
  // the step looks the same whichever step came before. Reported settled once they are drawn.
  const labels = freshLabels(map);
  labels.hide();
  let placing = false;
  let keepoutTimer: ReturnType<typeof setTimeout> | undefined;
  let keepoutsLate = false;
  const onIdle = () => {
    if (settled || map.isMoving()) return;
    if (!placing) {
      if (!map.getSource(PANEL_KEEPOUT_SOURCE) && !keepoutsLate) {
        keepoutTimer ??= setTimeout(() => {
          keepoutsLate = true;
          map.triggerRepaint();
        }, KEEPOUTS_WAIT_MS);
        return;
      }
      placing = true;
      labels.showAfresh();
      return;
    }
    settled = true;
    map.off('idle', onIdle);
    if (store.getState().cameraSettled < seq) store.getState().briefingActions.cameraSettledAt(seq);
  };
  const resize = new ResizeObserver(() => reframe());

  const frame = () => {
    const { size, free, covers } = measureFreeArea(container);
    const key = `${size.width}x${size.height}:${free.x},${free.y},${free.width},${free.height}`;
    if (key === framedFor) return;
    const first = !target;
    framedFor = key;
    const camera = frameView(request, size, free, keep, KEEP_MARGIN, leastZoom(map, size.height), { tight: TIGHT_FRAME, others: { points: actorCapitals(scenario()), ...OTHER_ACTORS } });
    if (first && animate && !prefersReducedMotion()) map.flyTo({ ...camera, duration: FLY_MS, essential: false });
    else if (!first && map.isMoving()) map.flyTo({ ...camera, duration: FLY_MS / 2, essential: false });
    else map.jumpTo(camera);
    target = camera;
    resize.disconnect();
    resize.observe(container);
    for (const el of covers) resize.observe(el);
    if (first) {
      map.on('idle', onIdle);
      map.triggerRepaint();
      marks = stepMarks(
        map,
        () => stepTargets(scenario(), request.keep),
        keep,
        () => actorCapitals(scenario()),
        (id) => store.getState().actions.select({ kind: 'actor', id }),
        () => !!store.getState().presenting,
      );
    }
  };
  // Framed again only while presenting, and only while the map shows what the step put there
  // (or is flying there): not after the user or an export moved it.
  function reframe() {
    if (!target || !store.getState().presenting) return;
    if (!map.isMoving() && !sameCamera(map, target)) return;
    frame();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = performance.now();
  const panelDue = () => !!request.selection && !document.querySelector(`[${COVERS_MAP_ATTR}="details"]`);
  const start = () => {
    if (panelDue() && performance.now() - started < PANEL_WAIT_MS) timer = setTimeout(start, 20);
    else frame();
  };
  start();
  return () => {
    clearTimeout(timer);
    clearTimeout(keepoutTimer);
    unsubscribe();
    marks?.stop();
    resize.disconnect();
    map.off('idle', onIdle);
    if (!placing) labels.show();
  };
}
