/**
 * Level of detail for the moving-units layer: the legs' route segments simplified with
 * Douglas–Peucker to a tolerance in world units (Web Mercator, 0..1), keeping the time a unit
 * passes each point that remains. Software GL (SwiftShader) pays per triangle drawn, and a route
 * densified to 150 km segments has far more points than a screen shows at a small zoom: at zoom 2
 * the generated benchmark scenario keeps 37 % of its 251,340 segments (bench/results/changes.md).
 *
 * Written here rather than taken from simplify-js or @turf/simplify: those take and return point
 * objects or GeoJSON coordinates, and this needs which points remain (their times and colours
 * live in parallel typed arrays), over 250,000 segments, without an object per point.
 */

/** Floats per segment: from.xy, to.xy, times.xy, color.rgb, route.xy (length before, mode). */
export const SEGMENT = 11;

export interface LegSegments {
  /** SEGMENT floats per segment, the legs' segments one after another. */
  segments: Float32Array<ArrayBuffer>;
  /** Per leg: its first segment and how many it has. */
  legFirst: Uint32Array<ArrayBuffer>;
  legCount: Uint32Array<ArrayBuffer>;
}

/**
 * The legs with every point dropped whose distance to the simplified line is within `tolerance`
 * (the ends of each leg always remain). A segment of the result runs between two points that
 * remain: from the first's position and time to the second's, with the colour, mode and route
 * length before of the first original segment it replaces (so the trail's dashes keep their phase
 * at every point that remains).
 */
export function simplifyLegs(legs: LegSegments, tolerance: number): LegSegments {
  const { segments, legFirst, legCount } = legs;
  const n = legFirst.length;
  const keep = new Uint8Array(legCount.reduce((m, c) => Math.max(m, c + 1), 0));
  const stack = new Int32Array(keep.length * 2 + 2);
  const t2 = tolerance * tolerance;
  // Point p of a leg whose first segment is f: the start of segment f + p, or the end of the last.
  const x = (f: number, c: number, p: number) => (p < c ? segments[(f + p) * SEGMENT]! : segments[(f + c - 1) * SEGMENT + 2]!);
  const y = (f: number, c: number, p: number) => (p < c ? segments[(f + p) * SEGMENT + 1]! : segments[(f + c - 1) * SEGMENT + 3]!);
  const kept: number[][] = [];
  let total = 0;
  for (let k = 0; k < n; k++) {
    const f = legFirst[k]!;
    const c = legCount[k]!;
    keep.fill(0, 0, c + 1);
    keep[0] = 1;
    keep[c] = 1;
    let top = 0;
    stack[top++] = 0;
    stack[top++] = c;
    while (top > 0) {
      const b = stack[--top]!;
      const a = stack[--top]!;
      const ax = x(f, c, a);
      const ay = y(f, c, a);
      const dx = x(f, c, b) - ax;
      const dy = y(f, c, b) - ay;
      const l2 = dx * dx + dy * dy;
      let best = -1;
      let bestD = t2;
      for (let p = a + 1; p < b; p++) {
        const px = x(f, c, p) - ax;
        const py = y(f, c, p) - ay;
        const t = l2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / l2)) : 0;
        const ex = t * dx - px;
        const ey = t * dy - py;
        const d = ex * ex + ey * ey;
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
      if (best >= 0) {
        keep[best] = 1;
        stack[top++] = a;
        stack[top++] = best;
        stack[top++] = best;
        stack[top++] = b;
      }
    }
    const points: number[] = [];
    for (let p = 0; p <= c; p++) if (keep[p]) points.push(p);
    kept.push(points);
    total += points.length - 1;
  }
  const out = new Float32Array(total * SEGMENT);
  const outFirst = new Uint32Array(n);
  const outCount = new Uint32Array(n);
  let s = 0;
  for (let k = 0; k < n; k++) {
    const f = legFirst[k]!;
    const points = kept[k]!;
    outFirst[k] = s;
    outCount[k] = points.length - 1;
    for (let j = 0; j + 1 < points.length; j++, s++) {
      const first = (f + points[j]!) * SEGMENT; // the first original segment this one replaces
      const last = (f + points[j + 1]! - 1) * SEGMENT;
      const o = s * SEGMENT;
      out.set(segments.subarray(first, first + SEGMENT), o);
      out[o + 2] = segments[last + 2]!;
      out[o + 3] = segments[last + 3]!;
      out[o + 5] = segments[last + 5]!;
    }
  }
  return { segments: out, legFirst: outFirst, legCount: outCount };
}

/** Detail levels at and above this use every segment (at zoom 5 nearly all of them remain). */
export const FULL_DETAIL_LEVEL = 5;

/**
 * The detail level for a zoom: the smallest whole zoom at or above it. Simplified to half a pixel
 * at that zoom, the lines are within half a pixel at any zoom up to it.
 */
export function detailLevel(zoom: number): number {
  return Math.min(FULL_DETAIL_LEVEL, Math.max(0, Math.ceil(zoom)));
}

/** The simplification tolerance of a detail level, in world units: half a pixel of a 512 px world tile. */
export function levelTolerance(level: number): number {
  return 0.5 / (512 * 2 ** level);
}
