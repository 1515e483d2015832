import type { Map as MaplibreMap } from 'maplibre-gl';
import type { StepTarget } from '../scenario/derive/step-targets.ts';
import { CAPTURING_ATTR, HIDES_LABELS_ATTR, boxesIn, measureFreeArea } from '../lib/view-frame.ts';
import { POINTER_LAYOUT, mapProjection, markerBoxes, placeMarks, pointersFor, type PointerView } from '../lib/edge-marks.ts';
import './step-marks.css';

const ARROW =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 12h15M12 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/**
 * Pointers to the actors a briefing step is about that the map cannot show: off the screen, or
 * under a panel (a world-wide step on a small screen cannot take in Washington and Seoul at the
 * map's least zoom; a close-up on China leaves the United States, which presses it, off the
 * map). Each is a label at the edge of the clear part of the map with the actor's name, its
 * colour and an arrow: where a relation of the step runs off the map to the actor, on the line
 * where it leaves the clear part, pointing along it (follow the line); else, for an actor the
 * step names itself, on the straight line from the middle of the clear part. Shown while the map
 * is still (set again after each move, a panel changing size, the language), not while it flies;
 * left out of exported images (they draw the map alone). DOM, not map layers: at most one per
 * actor, placed against the panels, which the map knows nothing of. The labels are marked
 * `data-hides-labels`, so the map's own labels keep off them as off the panels (panel-keepouts.ts).
 *
 * A click on a pointer calls `pick` with its actor (selects it: its details, and the map brings
 * it into view, as a click on its marker would).
 *
 * `targets` gives the step's actors (read again at each update: names follow the language);
 * `keep` the places the step keeps in view and `allActors` the actors' capitals, whose markers a
 * pointer does not cover. Only while `active()` (presenting: a step's camera stays after the
 * presentation ends, or after a handout has shown every step, and the pointers must not). Returns
 * `update` (to call when `active()` may have changed) and what stops it.
 */
export function stepMarks(
  map: MaplibreMap,
  targets: () => StepTarget[],
  keep: ReadonlyArray<[number, number]>,
  allActors: () => ReadonlyArray<[number, number]>,
  pick: (actorId: string) => void,
  active: () => boolean,
): { update: () => void; stop: () => void } {
  const container = map.getContainer();
  let shown: HTMLElement[] = [];
  const clear = () => {
    for (const el of shown) el.remove();
    shown = [];
  };

  const update = () => {
    clear();
    if (!active() || map.isMoving() || container.hasAttribute(CAPTURING_ATTR)) return;
    const { size, free } = measureFreeArea(container);
    if (free.width <= 0 || free.height <= 0) return;
    const hides = boxesIn(container, `[${HIDES_LABELS_ATTR}]:not(.step-mark)`).boxes;
    const view: PointerView = {
      size,
      free,
      hides,
      radius: POINTER_LAYOUT.radius,
      project: mapProjection(map),
      midLng: map.unproject([free.x + free.width / 2, free.y + free.height / 2]).lng,
    };
    const marks = pointersFor(targets(), view);
    if (!marks.length) return;

    const els = marks.map(({ side, angle, target }) => {
      const el = document.createElement('button');
      el.type = 'button';
      el.className = 'step-mark';
      // A click selects the actor (its details; the map brings it into view). Left out of the tab
      // order, where Space and Enter step the briefing: the lists reach every actor by keyboard.
      el.tabIndex = -1;
      el.addEventListener('click', () => pick(target.id));
      el.setAttribute(HIDES_LABELS_ATTR, '');
      el.dataset.actor = target.id;
      el.dataset.side = side;
      const arrow = document.createElement('span');
      arrow.className = 'step-mark-arrow';
      arrow.innerHTML = ARROW;
      arrow.style.transform = `rotate(${angle}rad)`;
      const dot = document.createElement('span');
      dot.className = 'step-mark-dot';
      dot.style.background = target.color;
      const name = document.createElement('span');
      name.textContent = target.name;
      // The arrow on the side the pointer leans against, the side the actor is beyond.
      if (side === 'left' || side === 'top') el.append(arrow, dot, name);
      else el.append(dot, name, arrow);
      el.style.visibility = 'hidden';
      container.append(el);
      return el;
    });
    const boxes = placeMarks(
      marks.map((m, i) => ({ ...m, width: els[i]!.offsetWidth, height: els[i]!.offsetHeight })),
      free,
      POINTER_LAYOUT.pad,
      markerBoxes([...keep, ...allActors()], view, POINTER_LAYOUT.markerHalf),
    );
    boxes.forEach((b, i) => {
      const el = els[i]!;
      el.style.left = `${b.x}px`;
      el.style.top = `${b.y}px`;
      el.style.visibility = '';
    });
    shown = els;
  };

  // Panels that change size or come and go (the details panel loading, the key following the view).
  // (Watched again only when they change: observing an element reports its size once more.)
  const sized = new ResizeObserver(() => update());
  let watched: HTMLElement[] = [];
  const watch = () => {
    const now = [container, ...document.querySelectorAll<HTMLElement>(`[data-covers-map], [${HIDES_LABELS_ATTR}]:not(.step-mark)`)];
    if (now.length === watched.length && now.every((el, i) => el === watched[i])) return;
    watched = now;
    sized.disconnect();
    for (const el of now) sized.observe(el);
  };
  const moved = () => {
    watch();
    update();
  };
  map.on('movestart', clear);
  map.on('moveend', moved);
  moved();
  return {
    update,
    stop: () => {
      map.off('movestart', clear);
      map.off('moveend', moved);
      sized.disconnect();
      clear();
    },
  };
}
