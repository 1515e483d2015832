import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Scenario, Step } from '../scenario/schema.ts';
import { actorCapitals, stepTargets } from '../scenario/derive/step-targets.ts';
import { POINTER_LAYOUT, mapProjection, markerBoxes, placeMarks, pointersFor, type PointerView, type Side } from '../lib/edge-marks.ts';
import type { Rect } from '../lib/view-frame.ts';

/** A pointer laid out on an exported map image, in the map's CSS px (drawn at its pixel ratio). */
export interface ImagePointer extends Rect {
  side: Side;
  angle: number;
  name: string;
  color: string;
}

const FONT = 'Inter, system-ui, sans-serif';
/** Type size, px (CSS, before the image's pixel ratio): as the pointers on screen. */
const PX = 16;
const PAD_X = 0.65 * PX;
const PAD_Y = 0.2 * PX;
const GAP = 0.35 * PX;
const DOT = 0.8 * PX;
const ARROW = 1.15 * PX;
const BORDER = 2;
const HEIGHT = Math.round(1.25 * PX + 2 * PAD_Y + 2 * BORDER);

/**
 * The pointers an exported image of a briefing step needs (the slide of the step presented, each
 * page of the handout): the actors the step is about that the image does not show, as the
 * audience view points to them (src/map/step-marks.ts), against the image's own edges (an image
 * has no panels). Read from `map` while it is drawn at the image's size; `ctx` measures the names.
 */
export function imagePointers(map: MaplibreMap, scenario: Scenario, step: Pick<Step, 'selection' | 'highlight'>, ctx: CanvasRenderingContext2D): ImagePointer[] {
  const refs = [...(step.selection ? [step.selection] : []), ...(step.highlight ?? [])];
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const free = { x: 0, y: 0, width, height };
  const view: PointerView = {
    size: { width, height },
    free,
    hides: [],
    radius: POINTER_LAYOUT.radius,
    project: mapProjection(map),
    midLng: map.getCenter().lng,
  };
  const marks = pointersFor(stepTargets(scenario, refs), view);
  if (!marks.length) return [];
  const avoid = markerBoxes(actorCapitals(scenario), view, POINTER_LAYOUT.markerHalf);
  ctx.font = `700 ${PX}px ${FONT}`;
  const sized = marks.map((m) => ({ ...m, width: Math.ceil(2 * BORDER + 2 * PAD_X + DOT + GAP + ctx.measureText(m.target.name).width + GAP + ARROW), height: HEIGHT }));
  return placeMarks(sized, free, POINTER_LAYOUT.pad, avoid).map((box, i) => ({ ...box, side: sized[i]!.side, angle: sized[i]!.angle, name: sized[i]!.target.name, color: sized[i]!.target.color }));
}

/** Draws the pointers onto a map image drawn at `pixelRatio` (white pill, black outline, the actor's colour, its name, an arrow). */
export function drawPointers(ctx: CanvasRenderingContext2D, pointers: readonly ImagePointer[], pixelRatio: number): void {
  if (!pointers.length) return;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.font = `700 ${PX}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const p of pointers) {
    const cy = p.y + p.height / 2;
    ctx.beginPath();
    ctx.roundRect(p.x + BORDER / 2, p.y + BORDER / 2, p.width - BORDER, p.height - BORDER, p.height / 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = BORDER;
    ctx.strokeStyle = '#000000';
    ctx.stroke();
    // The arrow on the side the actor is beyond, as on screen.
    const arrowFirst = p.side === 'left' || p.side === 'top';
    let x = p.x + BORDER + PAD_X;
    const arrowAt = (ax: number) => {
      ctx.save();
      ctx.translate(ax + ARROW / 2, cy);
      ctx.rotate(p.angle);
      const s = ARROW / 24;
      ctx.beginPath();
      ctx.moveTo(-9 * s, 0);
      ctx.lineTo(6 * s, 0);
      ctx.moveTo(0, -7 * s);
      ctx.lineTo(7 * s, 0);
      ctx.lineTo(0, 7 * s);
      ctx.lineWidth = 3.2 * s;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#000000';
      ctx.stroke();
      ctx.restore();
    };
    if (arrowFirst) {
      arrowAt(x);
      x += ARROW + GAP;
    }
    ctx.beginPath();
    ctx.arc(x + DOT / 2, cy, DOT / 2, 0, 2 * Math.PI);
    ctx.fillStyle = p.color;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.stroke();
    x += DOT + GAP;
    ctx.fillStyle = '#000000';
    ctx.fillText(p.name, x, cy + 1);
    x += ctx.measureText(p.name).width + GAP;
    if (!arrowFirst) arrowAt(x);
  }
  ctx.restore();
}
