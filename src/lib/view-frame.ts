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

import { TILE, clampLat, latOfY as latOf, lngOfX as lngOf, mercatorX as mx, mercatorY as my } from './mercator.ts';

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

/**
 * Scales tried, in turn, when an actor a step is not about cannot be moved clear of the clear
 * part's edge (frameView's `others`): at most about half a zoom level further out.
 */
const OTHERS_ZOOM_OUT = [0.92, 0.84, 0.76, 0.68];

/** Covers considered, largest first: every side of each is tried, so the work is 4^n. */
const MAX_COVERS = 6;

/** The part of `r` inside a `size` container, as its edges. */
function clip(r: Rect, size: Size): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.max(0, r.x),
    y0: Math.max(0, r.y),
    x1: Math.min(size.width, r.x + r.width),
    y1: Math.min(size.height, r.y + r.height),
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

export interface Square {
  x: number;
  y: number;
  half: number;
}

/** Whether square `q` lies wholly in `r` (within half a pixel). */
const within = (q: Square, r: Rect) => q.x - q.half >= r.x - 0.5 && q.x + q.half <= r.x + r.width + 0.5 && q.y - q.half >= r.y - 0.5 && q.y + q.half <= r.y + r.height + 0.5;

/**
 * `n` squares of side `s` along a line from `a` to `b` (`a` < `b`), centres spread evenly, the
 * first and last flush with its ends: as positions along it.
 */
function along(a: number, b: number, s: number): number[] {
  const n = Math.max(1, Math.ceil((b - a) / s - 1e-9));
  return Array.from({ length: n }, (_, i) => (n === 1 ? (a + b) / 2 : a + s / 2 + (i * (b - a - s)) / (n - 1)));
}

/**
 * Squares (centre and half side, px) along the lines a map label must not cross: the edges of
 * each box that lie inside a `size` container (the squares on the box's side of the edge), and
 * with `edges` the container's own edges (the squares just outside it, three times as large, reaching
 * `EDGE_GAP` px onto it). A
 * label crossing such a line meets a square; a label wholly under a box, where its marker is too,
 * meets none and stays hidden there. The label keep-outs (src/map/panel-keepouts.ts) put one
 * invisible square icon on each (a map icon is square).
 *
 * Zoomed out until the world is narrower than the map, MapLibre draws each icon again one world
 * away (`repeat`: that offset, px): a square whose copy would land on the map outside every box
 * is left out, so it cannot keep labels off the clear map there. Only lines, not whole boxes, are
 * covered, so such copies are few and small.
 */
/** How far the squares along the map's own edges reach onto it, px (`guardSquares`). */
export const EDGE_GAP = 2;
export function guardSquares(size: Size, boxes: Rect[], { side = 16, edges = false, repeat }: { side?: number; edges?: boolean; repeat?: { dx: number; dy: number } } = {}): Square[] {
  const { width: W, height: H } = size;
  const out: Square[] = [];
  for (const b of boxes) {
    const { x0, y0, x1, y1 } = clip(b, size);
    if (x1 - x0 <= 0 || y1 - y0 <= 0) continue;
    const s = Math.min(side, x1 - x0, y1 - y0);
    const half = s / 2;
    const ys = along(y0, y1, s);
    const xs = along(x0, x1, s);
    if (x0 > 0.5) for (const y of ys) out.push({ x: x0 + half, y, half });
    if (x1 < W - 0.5) for (const y of ys) out.push({ x: x1 - half, y, half });
    if (y0 > 0.5) for (const x of xs) out.push({ x, y: y0 + half, half });
    if (y1 < H - 0.5) for (const x of xs) out.push({ x, y: y1 - half, half });
  }
  if (edges && W > 0 && H > 0) {
    // Outside the map nothing is drawn, so these may be larger (fewer icons). They reach EDGE_GAP
    // px onto it: a label's box that merely touched the edge had its text 2 px from the screen's
    // or slide's edge, which reads as cut off on a projector.
    const s = side * 3;
    const half = s / 2;
    const o = half - EDGE_GAP;
    for (const y of along(0, H, s)) out.push({ x: -o, y, half }, { x: W + o, y, half });
    for (const x of along(0, W, s)) out.push({ x, y: -o, half }, { x, y: H + o, half });
  }
  const step = repeat ? Math.hypot(repeat.dx, repeat.dy) : 0;
  if (!repeat || step < 1) return out;
  const reach = Math.ceil((Math.hypot(W, H) + 4 * side) / step);
  const onClearMap = (q: Square) =>
    q.x + q.half > 0 && q.x - q.half < W && q.y + q.half > 0 && q.y - q.half < H && !boxes.some((r) => within(q, r));
  return out.filter((q) => {
    for (let k = -reach; k <= reach; k++) if (k !== 0 && onClearMap({ x: q.x + k * repeat.dx, y: q.y + k * repeat.dy, half: q.half })) return false;
    return true;
  });
}

const rad = Math.PI / 180;
/** Longitude difference taken the short way round, so a view across the 180° meridian frames as it is drawn. */
const dLng = (a: number, b: number) => ((((a - b) % 360) + 540) % 360) - 180;

/**
 * Room a marker's name needs between the marker and the edge of the clear part, px, placed above
 * or below it: half a long name across ("South Korea" in the projector theme), a line and the
 * marker down.
 */
export const NAME_ROOM = { x: 64, y: 48 };

export interface FrameOptions {
  /** A least margin, kept rather than zooming out past `zoom` (frameView). */
  tight?: { zoom: number; margin: { x: number; y: number } };
  /** Named points the view is not about, kept out of the clear part's edges (frameView). */
  others?: { points: Array<[number, number]>; room: { x: number; y: number }; hide: number };
}

/**
 * The camera of the whole container that shows `view` in its `free` part: `view`'s centre at the
 * middle of `free`, its zoom, bearing and pitch; then, if a point of `keep` would fall outside
 * `free` less `margin` px on each side (x: left and right, y: top and bottom), zoomed out just enough for all of them to fit and moved
 * just enough to take them in. With `tight`, a step that would have to zoom out past `tight.zoom`
 * to keep the full margin (a world view on a small screen: below it the markers of one region pile
 * up) keeps less of it instead, down to `tight.margin`, and stays at `tight.zoom`; only points that
 * do not fit even so take it further out. Never below `minZoom` (the map's: MapLibre would clamp the zoom and
 * keep the centre, spreading the points out from the container's centre, not the clear part's):
 * points that cannot all fit there are centred in the clear part, so what overflows does so
 * evenly on both sides rather than all on one. With `others` (what else the map draws there that
 * has a name: the actors a step is not about), the camera is then moved, if the kept points allow,
 * so that none of them lies just inside the clear part, less than `room` from its edge, where its
 * marker shows but its name finds no room (NATO on the first Kursk step at 1280×720, 32 px from the
 * key): whichever is the shorter move, out of view by `hide` px (under the panel or off the map) or
 * `room` into it. Where the kept points leave no such move (they fill the clear part), the view is
 * zoomed out a little, at most about half a zoom level (OTHERS_ZOOM_OUT), if that leaves none of
 * them there (South Korea half under the caption on the Far East step at 1280×720). Pitch is left
 * out of the fitting (a tilted view is framed as if seen from above); bearing is taken into account.
 */
export function frameView(
  view: Camera,
  size: Size,
  free: Rect,
  keep: Array<[number, number]>,
  margin: { x: number; y: number },
  minZoom = -Infinity,
  { tight, others }: FrameOptions = {},
): Camera {
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
  // Half the clear part's width and height less a margin (at most a quarter of each).
  const halves = (m: { x: number; y: number }) => [free.width / 2 - Math.min(m.x, free.width / 4), free.height / 2 - Math.min(m.y, free.height / 4)] as const;
  let [hw, hh] = halves(margin);
  let px = 0;
  let py = 0;
  // The least move of values `vs` that puts them within ±half (centred when they cannot all fit).
  const pan = (vs: number[], half: number) => {
    if (!vs.length) return 0;
    const hi = Math.max(...vs);
    const lo = Math.min(...vs);
    if (hi - lo > 2 * half) return (hi + lo) / 2;
    if (hi > half) return hi - half;
    if (lo < -half) return lo + half;
    return 0;
  };
  if (pts.length) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    // The scale at which the points fit within half-sizes w, h (1: they fit at the view's zoom).
    const fit = (w: number, h: number) => Math.min(1, spanX > 0 ? (2 * w) / spanX : 1, spanY > 0 ? (2 * h) / spanY : 1);
    let k = fit(hw, hh);
    if (tight && k < 1 && zoom + Math.log2(k) < tight.zoom) {
      const [tw, th] = halves(tight.margin);
      const kt = fit(tw, th);
      // They fit at `tight.zoom` with a margin between the two: stay there (centred, below).
      if (zoom + Math.log2(kt) >= tight.zoom) k = Math.min(1, 2 ** (tight.zoom - zoom));
      else [k, hw, hh] = [kt, tw, th];
    }
    k = Math.max(k, Math.min(1, 2 ** (minZoom - zoom)));
    if (k < 1) {
      zoom += Math.log2(k);
      world *= k;
      pts = pts.map(([x, y]) => [x * k, y * k]);
    }
    px = pan(pts.map((p) => p[0]), hw);
    py = pan(pts.map((p) => p[1]), hh);
  }
  if (others?.points.length) {
    // Where the kept points may go: inside the least margin (they are there now, unless they
    // overflow, when nothing is moved).
    const [aw, ah] = halves(tight?.margin ?? margin);
    const fw = free.width / 2;
    const fh = free.height / 2;
    const near: Array<[number, number]> = others.points.flatMap(([lng, lat]) => {
      const [dx, dy] = [(dLng(lng, view.center[0]) / 360) * world, (my(lat) - cy) * world];
      // And one world either way: zoomed out, the map draws them again there.
      return [-1, 0, 1].map((n) => toScreen(dx + n * world, dy));
    });
    const along = (v: number, half: number, room: number): number[] => {
      // Moves of the pan (shorter first) that take v (relative to the clear part's middle) out of
      // the bands just inside either edge.
      if (v > -half - others.hide && v < -half + room) return [v + half + others.hide, v + half - room];
      if (v < half + others.hide && v > half - room) return [v - half - others.hide, v - half + room];
      return [];
    };
    /** The moves that would uncramp point (x, y) with the pan at (qx, qy); none if it is not cramped. */
    const movesFor = ([x, y]: [number, number], qx: number, qy: number): Array<readonly [number, number]> => {
      const [rx, ry] = [x - qx, y - qy];
      // Only a marker over the clear part (or within `hide` of it) can be cramped there.
      if (Math.abs(rx) >= fw + others.hide || Math.abs(ry) >= fh + others.hide) return [];
      const inX = Math.abs(ry) < fh ? along(rx, fw, others.room.x).map((d) => [d, 0] as const) : [];
      const inY = Math.abs(rx) < fw ? along(ry, fh, others.room.y).map((d) => [0, d] as const) : [];
      return [...inX, ...inY].sort((a, c) => Math.hypot(...a) - Math.hypot(...c));
    };
    /**
     * With the kept points `kp` and the others `kn` (on screen, as scaled), the pan that keeps
     * the kept points in and moves the least to leave no other cramped, from (qx, qy); and how
     * many others are still cramped.
     */
    const settle = (kp: Array<[number, number]>, kn: Array<[number, number]>, qx: number, qy: number) => {
      const ok = (x: number, y: number) => kp.every(([a, c]) => Math.abs(a - x) <= aw + 1e-6 && Math.abs(c - y) <= ah + 1e-6);
      if (ok(qx, qy)) {
        for (let pass = 0; pass < 3; pass++) {
          let moved = false;
          for (const p of kn) {
            const move = movesFor(p, qx, qy).find(([sx, sy]) => ok(qx + sx, qy + sy));
            if (move) {
              qx += move[0];
              qy += move[1];
              moved = true;
            }
          }
          if (!moved) break;
        }
      }
      return { qx, qy, cramped: kn.filter((p) => movesFor(p, qx, qy).length > 0).length };
    };
    const here = settle(pts, near, px, py);
    [px, py] = [here.qx, here.qy];
    // Still one that cannot be moved clear (the kept points fill the clear part: South Korea's
    // marker half under the caption on the Far East step at 1280×720): zoomed out a little more,
    // everything draws together towards the clear part's middle, the kept points keep their margin
    // and the other may go clear. Not below the map's minimum, nor below `tight.zoom` from above it.
    if (here.cramped > 0) {
      const floor = Math.max(minZoom, tight && zoom >= tight.zoom ? tight.zoom : -Infinity);
      for (const k of OTHERS_ZOOM_OUT) {
        if (zoom + Math.log2(k) < floor - 1e-9) break;
        const kp = pts.map(([x, y]) => [x * k, y * k] as [number, number]);
        const kn = near.map(([x, y]) => [x * k, y * k] as [number, number]);
        const s = settle(kp, kn, pan(kp.map((p) => p[0]), hw), pan(kp.map((p) => p[1]), hh));
        if (s.cramped > 0) continue;
        zoom += Math.log2(k);
        world *= k;
        pts = kp;
        [px, py] = [s.qx, s.qy];
        break;
      }
    }
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
