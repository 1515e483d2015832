/**
 * What part of the map a reader can see, and a camera that puts a view there.
 *
 * Panels laid over the map (the details panel, and while presenting the caption, the legend and
 * the "as of" date) carry `data-covers-map`. `freeArea` turns their boxes into the largest upright
 * rectangle of the map they leave clear; `frameView` places a briefing step's camera in it: the
 * step's centre at the middle of that rectangle, zoomed out (never in) and moved as little as
 * needed to keep the points the step is about inside it. Pure Web Mercator (512 px tiles, as
 * MapLibre), so it can be tested without a map.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The attribute that marks an element laid over the map. */
export const COVERS_MAP_ATTR = 'data-covers-map';
/**
 * The attribute that marks a box drawn over the map that map labels must not go under: the
 * details panel, and while presenting the caption, the legend (the box itself, not its slot,
 * which the framing keeps clear) and the date.
 */
export const HIDES_LABELS_ATTR = 'data-hides-labels';
/** Set on the map's container while an export draws it at another size, away from the panels. */
export const CAPTURING_ATTR = 'data-capturing';

/** Covers considered, largest first: every side of each is tried, so the work is 4^n. */
const MAX_COVERS = 6;

/** The part of `r` inside a `size` container grown by `bleed` px on every side, as its edges. */
function clip(r: Rect, size: Size, bleed = 0): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.max(-bleed, r.x),
    y0: Math.max(-bleed, r.y),
    x1: Math.min(size.width + bleed, r.x + r.width),
    y1: Math.min(size.height + bleed, r.y + r.height),
  };
}

/**
 * The largest upright rectangle of a `size` container that no cover overlaps, where each cover
 * is taken as a band along one side of the container (the side that leaves the most). Covers are
 * in the container's coordinates; parts outside it are ignored. A container covered whole gives a
 * rectangle of no area.
 */
export function freeArea(size: Size, covers: Rect[]): Rect {
  const { width: W, height: H } = size;
  const clipped = covers
    .map((r) => {
      const c = clip(r, size);
      return { ...c, area: Math.max(0, c.x1 - c.x0) * Math.max(0, c.y1 - c.y0) };
    })
    .filter((r) => r.area > 0)
    .sort((a, b) => b.area - a.area)
    .slice(0, MAX_COVERS);
  let best: Rect = { x: 0, y: 0, width: W, height: H };
  let bestArea = -1;
  const combos = 4 ** clipped.length;
  for (let c = 0; c < combos; c++) {
    let left = 0;
    let right = 0;
    let top = 0;
    let bottom = 0;
    for (let i = 0, k = c; i < clipped.length; i++, k = Math.floor(k / 4)) {
      const r = clipped[i]!;
      const side = k % 4;
      if (side === 0) left = Math.max(left, r.x1);
      else if (side === 1) right = Math.max(right, W - r.x0);
      else if (side === 2) top = Math.max(top, r.y1);
      else bottom = Math.max(bottom, H - r.y0);
    }
    const w = Math.max(0, W - left - right);
    const h = Math.max(0, H - top - bottom);
    if (w * h > bestArea) {
      bestArea = w * h;
      best = { x: left, y: top, width: w, height: h };
    }
  }
  return best;
}

/**
 * The container's size and its clear part, from the elements marked `data-covers-map` (DOM), or
 * those of them `selector` picks.
 */
export function measureFreeArea(container: HTMLElement, selector = `[${COVERS_MAP_ATTR}]`): { size: Size; free: Rect; covers: HTMLElement[] } {
  const { size, boxes, els } = boxesIn(container, selector);
  return { size, free: freeArea(size, boxes), covers: els };
}

/** The boxes of the elements `selector` picks, in `container`'s coordinates (empty ones left out). */
export function boxesIn(container: HTMLElement, selector: string): { size: Size; boxes: Rect[]; els: HTMLElement[] } {
  const box = container.getBoundingClientRect();
  const els: HTMLElement[] = [];
  const boxes: Rect[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) {
      boxes.push({ x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height });
      els.push(el);
    }
  }
  return { size: { width: box.width, height: box.height }, boxes, els };
}

/**
 * Squares (centre and half side, px) that together cover exactly the part of each box inside a
 * `size` container grown by `bleed` px on every side: side the box's shorter side (at most
 * `maxSide`), spread evenly along the longer one, the last flush with its end. The label
 * keep-outs (src/map/panel-keepouts.ts) put one square icon on each, because a map icon is square
 * and its size has a limit.
 */
export function coverSquares(size: Size, boxes: Rect[], { maxSide = 480, bleed = 0 } = {}): Array<{ x: number; y: number; half: number }> {
  const out: Array<{ x: number; y: number; half: number }> = [];
  for (const b of boxes) {
    const { x0, y0, x1, y1 } = clip(b, size, bleed);
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= 0 || h <= 0) continue;
    const side = Math.min(w, h, maxSide);
    const nx = Math.ceil(w / side - 1e-9);
    const ny = Math.ceil(h / side - 1e-9);
    const at = (i: number, n: number, len: number) => (n === 1 ? len / 2 : side / 2 + (i * (len - side)) / (n - 1));
    for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) out.push({ x: x0 + at(i, nx, w), y: y0 + at(j, ny, h), half: side / 2 });
  }
  return out;
}

/** Four bands `width` px wide just outside a `size` container's edges, corners included. */
export function edgeBands(size: Size, width: number): Rect[] {
  const { width: W, height: H } = size;
  return [
    { x: -width, y: -width, width, height: H + 2 * width },
    { x: W, y: -width, width, height: H + 2 * width },
    { x: 0, y: -width, width: W, height: width },
    { x: 0, y: H, width: W, height: width },
  ];
}

const TILE = 512;
const MAX_LAT = 85.051129;
const rad = Math.PI / 180;
const clampLat = (lat: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
/** Web Mercator x, y in units of the world's width (0..1). */
const mx = (lng: number) => (lng + 180) / 360;
const my = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (clampLat(lat) * rad) / 2)) / Math.PI) / 2;
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) / rad;
/** Longitude difference taken the short way round, so a view across the 180° meridian frames as it is drawn. */
const dLng = (a: number, b: number) => ((((a - b) % 360) + 540) % 360) - 180;

/**
 * The camera of the whole container that shows `view` in its `free` part: `view`'s centre at the
 * middle of `free`, its zoom, bearing and pitch; then, if a point of `keep` would fall outside
 * `free` less `margin` px on each side (x: left and right, y: top and bottom), zoomed out just enough for all of them to fit and moved
 * just enough to take them in. Pitch is left out of the fitting (a tilted view is framed as if
 * seen from above); bearing is taken into account.
 */
export function frameView(view: Camera, size: Size, free: Rect, keep: Array<[number, number]>, margin: { x: number; y: number }): Camera {
  if (free.width <= 0 || free.height <= 0) return view;
  const b = view.bearing * rad;
  const cos = Math.cos(b);
  const sin = Math.sin(b);
  // World (x east, y south) to screen (x right, y down) offsets, and back: MapLibre's bearing
  // turns the map so that the compass direction `bearing` points up.
  const toScreen = (dx: number, dy: number): [number, number] => [dx * cos + dy * sin, -dx * sin + dy * cos];
  const toWorld = (sx: number, sy: number): [number, number] => [sx * cos - sy * sin, sx * sin + sy * cos];

  let zoom = view.zoom;
  let world = TILE * 2 ** zoom;
  const cx = mx(view.center[0]);
  const cy = my(view.center[1]);
  // The kept points on screen, relative to the view's centre, at the view's zoom.
  let pts = keep.map(([lng, lat]) => toScreen((dLng(lng, view.center[0]) / 360) * world, (my(lat) - cy) * world));
  const hw = free.width / 2 - Math.min(margin.x, free.width / 4);
  const hh = free.height / 2 - Math.min(margin.y, free.height / 4);
  let px = 0;
  let py = 0;
  if (pts.length) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    const k = Math.min(1, spanX > 0 ? (2 * hw) / spanX : 1, spanY > 0 ? (2 * hh) / spanY : 1);
    if (k < 1) {
      zoom += Math.log2(k);
      world *= k;
      pts = pts.map(([x, y]) => [x * k, y * k]);
    }
    const pan = (vs: number[], half: number) => {
      const hi = Math.max(...vs);
      const lo = Math.min(...vs);
      if (hi > half) return hi - half;
      if (lo < -half) return lo + half;
      return 0;
    };
    px = pan(pts.map((p) => p[0]), hw);
    py = pan(pts.map((p) => p[1]), hh);
  }
  // The point at the middle of `free` is the view's centre moved by the pan; the container's centre
  // is that far from it as the middle of `free` is from the middle of the container.
  const ox = px - (free.x + free.width / 2 - size.width / 2);
  const oy = py - (free.y + free.height / 2 - size.height / 2);
  const [dx, dy] = toWorld(ox, oy);
  const x = cx + dx / world;
  const y = Math.max(0, Math.min(1, cy + dy / world));
  return { center: [lngOf(((x % 1) + 1) % 1), clampLat(latOf(y))], zoom, bearing: view.bearing, pitch: view.pitch };
}
