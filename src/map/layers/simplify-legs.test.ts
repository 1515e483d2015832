import { describe, expect, it } from 'vitest';
import { detailLevel, FULL_DETAIL_LEVEL, levelTolerance, SEGMENT, simplifyLegs, type LegSegments } from './simplify-legs.ts';

/** Legs from point lists: each point [x, y, t]; colour and mode per leg; route length before as the sum of segment lengths. */
function legs(...paths: { points: [number, number, number][]; rgb?: [number, number, number]; mode?: number }[]): LegSegments {
  const segments: number[] = [];
  const legFirst: number[] = [];
  const legCount: number[] = [];
  for (const { points, rgb = [1, 0.5, 0], mode = 0 } of paths) {
    legFirst.push(segments.length / SEGMENT);
    legCount.push(points.length - 1);
    let before = 0;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay, at] = points[i - 1]!;
      const [bx, by, bt] = points[i]!;
      segments.push(ax, ay, bx, by, at, bt, ...rgb, before, mode);
      before += Math.hypot(bx - ax, by - ay);
    }
  }
  return { segments: Float32Array.from(segments), legFirst: Uint32Array.from(legFirst), legCount: Uint32Array.from(legCount) };
}

const seg = (l: LegSegments, i: number) => Array.from(l.segments.subarray(i * SEGMENT, (i + 1) * SEGMENT));

/** Distance from p to the segment a–b. */
function toSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

describe('simplifyLegs', () => {
  it('merges a straight leg into one segment from its first point and time to its last', () => {
    const straight = legs({ points: Array.from({ length: 11 }, (_, i) => [0.1 + i * 0.01, 0.2 + i * 0.005, 100 + i] as [number, number, number]), rgb: [0.2, 0.4, 0.6], mode: 2 });
    const out = simplifyLegs(straight, 1e-6);
    expect(Array.from(out.legCount)).toEqual([1]);
    const [fx, fy, tx, ty, t0, t1, r, g, b, before, mode] = seg(out, 0);
    expect([fx, fy, t0, before]).toEqual([Math.fround(0.1), Math.fround(0.2), 100, 0]);
    expect(tx).toBeCloseTo(0.2, 6);
    expect(ty).toBeCloseTo(0.25, 6);
    expect([t1, mode]).toEqual([110, 2]);
    expect([r, g, b]).toEqual([0.2, 0.4, 0.6].map(Math.fround));
  });

  it('keeps a corner farther than the tolerance, with the time the unit passes it and the route length before it', () => {
    const corner = legs({ points: [[0, 0, 0], [0.5, 0, 1], [1, 0, 2], [1, 0.5, 3], [1, 1, 4]] });
    const out = simplifyLegs(corner, 0.01);
    expect(Array.from(out.legCount)).toEqual([2]);
    expect(seg(out, 0).slice(0, 6)).toEqual([0, 0, 1, 0, 0, 2]);
    expect(seg(out, 1).slice(0, 6)).toEqual([1, 0, 1, 1, 2, 4]);
    expect(seg(out, 1)[9]).toBe(1); // route length before the corner, as in the original
  });

  it('leaves every dropped point within the tolerance of the simplified line, and no leg without its ends', () => {
    // An arc densified like a great-circle leg, and a short two-point leg after it.
    const arc = Array.from({ length: 49 }, (_, i) => {
      const a = (i / 48) * Math.PI * 0.6;
      return [0.5 + 0.01 * Math.cos(a), 0.3 + 0.01 * Math.sin(a), i * 0.25] as [number, number, number];
    });
    const input = legs({ points: arc }, { points: [[0.7, 0.7, 5], [0.71, 0.7, 6]] });
    for (const level of [0, 2, 4]) {
      const tol = levelTolerance(level);
      const out = simplifyLegs(input, tol);
      expect(out.legCount[0]).toBeLessThan(48);
      expect(out.legCount[0]).toBeGreaterThan(0);
      expect(Array.from(out.legFirst)).toEqual([0, out.legCount[0]]);
      expect(seg(out, out.legFirst[1]!).slice(0, 6)).toEqual(seg(input, 48).slice(0, 6));
      const kept = Array.from({ length: out.legCount[0]! }, (_, i) => seg(out, i));
      expect(kept[0]!.slice(0, 2)).toEqual(seg(input, 0).slice(0, 2));
      expect(kept.at(-1)!.slice(2, 4)).toEqual(seg(input, 47).slice(2, 4));
      for (const [x, y, t] of arc) {
        const s = kept.find((k) => k[4]! <= t && t <= k[5]!)!; // the simplified segment the unit is on at that time
        expect(toSegment([x, y], [s[0]!, s[1]!], [s[2]!, s[3]!])).toBeLessThanOrEqual(tol * 1.0001 + 1e-7);
      }
    }
  });
});

describe('detailLevel', () => {
  it('is the whole zoom at or above the map zoom, full detail from zoom 5 on', () => {
    expect([0, 0.2, 1, 1.32, 3.99, 4.01, 9].map(detailLevel)).toEqual([0, 1, 1, 2, 4, FULL_DETAIL_LEVEL, FULL_DETAIL_LEVEL]);
    expect(levelTolerance(2) * 512 * 4).toBe(0.5); // half a pixel at zoom 2
  });
});
