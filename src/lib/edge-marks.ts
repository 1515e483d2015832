/**
 * Pointers at the edge of the clear part of the map to what a briefing step is about but the map
 * cannot show (off the screen, or under a panel): where each goes and which way it points. Pure
 * screen geometry (px, x right, y down), so it can be tested without a map; step-marks.ts projects
 * the points and draws the pointers.
 */
import type { Rect, Size } from './view-frame.ts';

export type Pt = [number, number];
type LngLat = [number, number];
export type Side = 'left' | 'right' | 'top' | 'bottom';
/** A point on the boundary of the clear part, the side it is on, and the direction (radians, atan2 on screen) to the target. */
export interface EdgeMark {
  x: number;
  y: number;
  side: Side;
  angle: number;
}

const inside = (p: Pt, r: Rect) => p[0] >= r.x && p[0] <= r.x + r.width && p[1] >= r.y && p[1] <= r.y + r.height;

/** Where the segment from `a` (in `r`) towards `b` (outside it) crosses `r`'s boundary. */
function leave(a: Pt, b: Pt, r: Rect): EdgeMark {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t = 1;
  let side: Side = 'right';
  const cut = (u: number, s: Side) => {
    if (u < t) {
      t = u;
      side = s;
    }
  };
  if (dx > 0) cut((r.x + r.width - a[0]) / dx, 'right');
  if (dx < 0) cut((r.x - a[0]) / dx, 'left');
  if (dy > 0) cut((r.y + r.height - a[1]) / dy, 'bottom');
  if (dy < 0) cut((r.y - a[1]) / dy, 'top');
  return { x: a[0] + t * dx, y: a[1] + t * dy, side, angle: Math.atan2(dy, dx) };
}

/**
 * Where a line drawn towards a target that lies outside `rect` leaves `rect` for the last time
 * (`path` ends at the target): a pointer there follows the line off the map. Null when no part of
 * the line is in `rect`, or when the target is.
 */
export function pathExit(path: readonly Pt[], rect: Rect): EdgeMark | null {
  if (!path.length || inside(path[path.length - 1]!, rect)) return null;
  for (let i = path.length - 2; i >= 0; i--) {
    if (inside(path[i]!, rect)) return leave(path[i]!, path[i + 1]!, rect);
  }
  return null;
}

/** Where the straight line from the middle of `rect` to `target` (outside it) leaves `rect`; null when `target` is in it. */
export function rayExit(target: Pt, rect: Rect): EdgeMark | null {
  if (inside(target, rect)) return null;
  return leave([rect.x + rect.width / 2, rect.y + rect.height / 2], target, rect);
}

const overlap = (a: Rect, b: Rect, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Boxes for the pointers' labels (`width` × `height` each), inside `rect` less `pad`: against the
 * side each mark is on, centred on it along that side, and moved along the side past what is in
 * the way (`avoid`: the markers the map shows there; and the boxes placed before), down or right
 * first, else up or left. In `marks`' order; where no place along the side is free, a box keeps
 * its first place.
 */
export function placeMarks(marks: ReadonlyArray<EdgeMark & { width: number; height: number }>, rect: Rect, pad: number, avoid: readonly Rect[] = [], gap = 6): Rect[] {
  const out: Rect[] = [];
  const placed: Rect[] = [...avoid];
  for (const m of marks) {
    const x0 = rect.x + pad;
    const y0 = rect.y + pad;
    const x1 = Math.max(x0, rect.x + rect.width - pad - m.width);
    const y1 = Math.max(y0, rect.y + rect.height - pad - m.height);
    const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
    const vertical = m.side === 'left' || m.side === 'right';
    const box: Rect = {
      x: m.side === 'left' ? x0 : m.side === 'right' ? x1 : clamp(m.x - m.width / 2, x0, x1),
      y: m.side === 'top' ? y0 : m.side === 'bottom' ? y1 : clamp(m.y - m.height / 2, y0, y1),
      width: m.width,
      height: m.height,
    };
    const start = vertical ? box.y : box.x;
    const [lo, hi] = vertical ? [y0, y1] : [x0, x1];
    const at = (v: number): Rect => (vertical ? { ...box, y: v } : { ...box, x: v });
    // Try onwards past each box in the way, then back from the start.
    let best = at(start);
    for (const dir of [1, -1]) {
      let v = start;
      let b = at(v);
      for (let i = 0; i <= placed.length; i++) {
        const hit = placed.find((p) => overlap(b, p, gap));
        if (!hit) break;
        v = dir > 0 ? (vertical ? hit.y + hit.height : hit.x + hit.width) + gap : (vertical ? hit.y - m.height : hit.x - m.width) - gap;
        b = at(v);
      }
      if (v >= lo && v <= hi && !placed.some((p) => overlap(b, p, gap))) {
        best = b;
        break;
      }
    }
    placed.push(best);
    out.push(best);
  }
  return out;
}

/** What a pointer can point to: where it is drawn, the lines drawn to it (each run from its other end), and whether it may be pointed to without a line. */
export interface Pointee {
  at: LngLat;
  arcs: LngLat[][];
  direct: boolean;
}
/** A view of the map for pointers: its size, its clear part, the boxes over it, and where it draws a point. */
export interface PointerView {
  size: Size;
  free: Rect;
  /** Boxes laid over the map: a point under one (or within `radius` of it) cannot be seen. */
  hides: readonly Rect[];
  /** A marker within this many px of the map's edge or of a box counts as hidden. */
  radius: number;
  /** Where the map draws a point moved by `shift`° of longitude (a world copy). */
  project: (p: LngLat, shift: number) => Pt;
  /** The longitude at the middle of the clear part: each point is taken in the world copy nearest it. */
  midLng: number;
}

/**
 * How pointers are laid out, px, on screen and on exported images alike: a marker within `radius`
 * of the map's edge or of a box over it counts as hidden; a pointer keeps off the square of
 * `markerHalf` around each marker shown, and `pad` from the edge of the clear part.
 */
export const POINTER_LAYOUT = { radius: 8, markerHalf: 24, pad: 10 } as const;

/** A map's projection as `PointerView` takes it (MapLibre's `map.project`, a world copy `shift`° east). */
export function mapProjection(map: { project(p: LngLat): { x: number; y: number } }): PointerView['project'] {
  return ([lng, lat], shift) => {
    const p = map.project([lng + shift, lat]);
    return [p.x, p.y];
  };
}

/** The world copy of longitude `lng` nearest `mid`, as the shift to add (a multiple of 360°). */
export const copyShift = (lng: number, mid: number) => 360 * Math.round((mid - lng) / 360);

/** Whether a point on screen can be seen: inside the map less `radius`, and clear of every box by `radius`. */
function seenAt([x, y]: Pt, v: Pick<PointerView, 'size' | 'hides' | 'radius'>): boolean {
  const r = v.radius;
  return x >= r && x <= v.size.width - r && y >= r && y <= v.size.height - r && !v.hides.some((b) => x > b.x - r && x < b.x + b.width + r && y > b.y - r && y < b.y + b.height + r);
}

/**
 * The pointers a view needs: one for each target that cannot be seen, where the first of its lines
 * whose other end can be seen last leaves the clear part (pointing along it), or, for a target
 * that may be pointed to without a line, where the straight line from the middle of the clear part
 * to it does. Targets that can be seen, or have neither, get none. In `targets`' order.
 */
export function pointersFor<T extends Pointee>(targets: readonly T[], v: PointerView): Array<EdgeMark & { target: T }> {
  const at = (p: LngLat, shift = copyShift(p[0], v.midLng)) => v.project(p, shift);
  const out: Array<EdgeMark & { target: T }> = [];
  for (const t of targets) {
    const here = at(t.at);
    if (seenAt(here, v)) continue;
    let mark: EdgeMark | null = null;
    for (const arc of t.arcs) {
      const shift = copyShift(arc[0]![0], v.midLng);
      const path = arc.map((p) => at(p, shift));
      if (!seenAt(path[0]!, v)) continue;
      mark = pathExit(path, v.free);
      if (mark) break;
    }
    if (!mark && t.direct) mark = rayExit(here, v.free);
    if (mark) out.push({ ...mark, target: t });
  }
  return out;
}

/** The squares (`markerHalf` each way) of the markers at `points` that the view shows, for `placeMarks` to keep pointers off. */
export function markerBoxes(points: readonly LngLat[], v: PointerView, markerHalf: number): Rect[] {
  return points
    .map((p) => v.project(p, copyShift(p[0], v.midLng)))
    .filter((p) => seenAt(p, v))
    .map(([x, y]) => ({ x: x - markerHalf, y: y - markerHalf, width: 2 * markerHalf, height: 2 * markerHalf }));
}
