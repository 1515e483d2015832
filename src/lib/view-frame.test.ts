import { describe, expect, it } from 'vitest';
import { coverSquares, edgeBands, frameView, freeArea, type Camera, type Rect, type Size } from './view-frame.ts';

// The audience view at 1280×720 with the projector theme, as measured in the browser: the details
// panel on the right, the legend at the top left, the caption at the bottom left, the date badge.
const SCREEN: Size = { width: 1280, height: 720 };
const PANEL: Rect = { x: 846, y: 0, width: 434, height: 720 };
const LEGEND: Rect = { x: 18, y: 63, width: 307, height: 329 };
const CAPTION: Rect = { x: 18, y: 495, width: 810, height: 192 };
const ASOF: Rect = { x: 18, y: 12, width: 213, height: 38 };

/** Where a point is drawn on screen by a camera, north up or turned (Web Mercator, 512 px tiles, no pitch). */
function project(c: Camera, size: Size, [lng, lat]: [number, number]): [number, number] {
  const world = 512 * 2 ** c.zoom;
  const y = (l: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360)) / Math.PI) / 2;
  const dx = (((lng - c.center[0] + 540) % 360) - 180) / 360 * world;
  const dy = (y(lat) - y(c.center[1])) * world;
  const b = (c.bearing * Math.PI) / 180;
  return [size.width / 2 + dx * Math.cos(b) + dy * Math.sin(b), size.height / 2 - dx * Math.sin(b) + dy * Math.cos(b)];
}
/** Room kept round points: more across, where labels go beside their marker. */
const M = { x: 96, y: 48 };
const inside = ([x, y]: [number, number], r: Rect, m = { x: 0, y: 0 }) =>
  x >= r.x + m.x - 1e-6 && x <= r.x + r.width - m.x + 1e-6 && y >= r.y + m.y - 1e-6 && y <= r.y + r.height - m.y + 1e-6;
const mid = (r: Rect): [number, number] => [r.x + r.width / 2, r.y + r.height / 2];
const close = (a: [number, number], b: [number, number], eps = 1e-6) => Math.hypot(a[0] - b[0], a[1] - b[1]) < eps;

describe('freeArea', () => {
  it('is the whole map when nothing covers it, and ignores covers outside it', () => {
    expect(freeArea(SCREEN, [])).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(freeArea(SCREEN, [{ x: 1300, y: 0, width: 100, height: 720 }, { x: 10, y: 10, width: 0, height: 50 }])).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('leaves out a panel along the right, or a bottom sheet', () => {
    expect(freeArea(SCREEN, [PANEL])).toEqual({ x: 0, y: 0, width: 846, height: 720 });
    expect(freeArea({ width: 390, height: 700 }, [{ x: 0, y: 266, width: 390, height: 434 }])).toEqual({ x: 0, y: 0, width: 390, height: 266 });
  });

  it('takes each overlay of the audience view as a band along the side that leaves the most', () => {
    // The legend as a band on the left (not across the top) and the caption along the bottom.
    expect(freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF])).toEqual({ x: 325, y: 0, width: 521, height: 495 });
    // Order does not matter.
    expect(freeArea(SCREEN, [ASOF, CAPTION, LEGEND, PANEL])).toEqual({ x: 325, y: 0, width: 521, height: 495 });
  });

  it('has no area when a cover takes the whole map', () => {
    const r = freeArea(SCREEN, [{ x: 0, y: 0, width: 1280, height: 720 }]);
    expect(r.width * r.height).toBe(0);
  });
});

describe('frameView', () => {
  const view: Camera = { center: [82.8, 47.5], zoom: 2.8, bearing: 0, pitch: 0 };
  const pyongyang: [number, number] = [125.75, 39.03];
  const moscow: [number, number] = [37.62, 55.76];

  it('changes nothing when the whole map is clear and nothing is to be kept', () => {
    const c = frameView(view, SCREEN, { x: 0, y: 0, ...SCREEN }, [], M);
    expect(c.zoom).toBe(2.8);
    expect(close(c.center, view.center)).toBe(true);
  });

  it("puts the step's centre at the middle of the clear part, at the step's zoom", () => {
    const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
    const c = frameView(view, SCREEN, free, [], M);
    expect(c.zoom).toBe(2.8);
    expect(close(project(c, SCREEN, view.center), mid(free))).toBe(true);
  });

  it('does the same with the map turned', () => {
    const turned = { ...view, bearing: 35 };
    const free = freeArea(SCREEN, [PANEL]);
    const c = frameView(turned, SCREEN, free, [], M);
    expect(c.bearing).toBe(35);
    expect(close(project(c, SCREEN, turned.center), mid(free))).toBe(true);
    const kept = frameView(turned, SCREEN, free, [pyongyang, moscow], M);
    for (const p of [pyongyang, moscow]) expect(inside(project(kept, SCREEN, p), free, M)).toBe(true);
  });

  it('zooms out just enough, and moves, to keep the points a step is about in the clear part', () => {
    const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
    // At the step's own camera Pyongyang is under the details panel.
    expect(inside(project(view, SCREEN, pyongyang), free)).toBe(false);
    const c = frameView(view, SCREEN, free, [pyongyang, moscow], M);
    expect(c.zoom).toBeLessThan(2.8);
    const [a, b] = [project(c, SCREEN, pyongyang), project(c, SCREEN, moscow)];
    for (const p of [a, b]) expect(inside(p, free, M)).toBe(true);
    // Just enough: the two points span the clear width less the margins.
    expect(Math.abs(a[0] - b[0])).toBeCloseTo(free.width - 2 * M.x, 6);
  });

  it('moves without zooming when the points fit but lie off to one side', () => {
    const free = freeArea(SCREEN, [PANEL]);
    const c = frameView(view, SCREEN, free, [pyongyang], M);
    expect(c.zoom).toBe(2.8);
    const p = project(c, SCREEN, pyongyang);
    expect(inside(p, free, M)).toBe(true);
    expect(p[0]).toBeCloseTo(free.x + free.width - M.x, 6);
  });

  it('never zooms in', () => {
    const c = frameView(view, SCREEN, freeArea(SCREEN, [PANEL]), [[80, 47], [81, 48]], M);
    expect(c.zoom).toBe(2.8);
  });

  it('frames across the 180° meridian the short way round', () => {
    const pacific: Camera = { center: [178, 60], zoom: 4, bearing: 0, pitch: 0 };
    const free = freeArea(SCREEN, [PANEL]);
    const c = frameView(pacific, SCREEN, free, [[-175, 62], [172, 58]], M);
    expect(c.zoom).toBe(4);
    for (const p of [[-175, 62], [172, 58]] as Array<[number, number]>) expect(inside(project(c, SCREEN, p), free, M)).toBe(true);
  });

  it('leaves the camera as it is when nothing of the map is clear', () => {
    expect(frameView(view, SCREEN, { x: 0, y: 0, width: 0, height: 0 }, [pyongyang], M)).toBe(view);
  });
});

describe('coverSquares', () => {
  const size: Size = { width: 1280, height: 720 };
  const inSquare = (x: number, y: number, sq: Array<{ x: number; y: number; half: number }>) =>
    sq.some((q) => Math.abs(x - q.x) <= q.half + 1e-6 && Math.abs(y - q.y) <= q.half + 1e-6);
  /** Every point of a grid over `r` (edges included) lies in some square, and every square inside `r`. */
  const coversExactly = (r: Rect, sq: Array<{ x: number; y: number; half: number }>) => {
    for (let i = 0; i <= 20; i++)
      for (let j = 0; j <= 20; j++) {
        const x = r.x + (r.width * i) / 20;
        const y = r.y + (r.height * j) / 20;
        if (!inSquare(x, y, sq)) return `(${x}, ${y}) uncovered`;
      }
    const out = sq.find((q) => q.x - q.half < r.x - 1e-6 || q.x + q.half > r.x + r.width + 1e-6 || q.y - q.half < r.y - 1e-6 || q.y + q.half > r.y + r.height + 1e-6);
    return out ? `square at ${out.x}, ${out.y} reaches outside` : 'ok';
  };

  it('covers a tall panel (the details panel) with squares as wide as it, and nothing else', () => {
    const panel = { x: 846, y: 0, width: 434, height: 720 };
    const sq = coverSquares(size, [panel]);
    expect(sq).toHaveLength(2);
    expect(sq.every((q) => q.half === 217)).toBe(true);
    expect(coversExactly(panel, sq)).toBe('ok');
  });

  it('covers a wide one (the caption), and several at once', () => {
    const caption = { x: 18, y: 496, width: 810, height: 190 };
    const date = { x: 18, y: 12, width: 213, height: 39 };
    const sq = coverSquares(size, [caption, date]);
    expect(coversExactly(caption, sq.filter((q) => q.y > 300))).toBe('ok');
    expect(coversExactly(date, sq.filter((q) => q.y < 300))).toBe('ok');
  });

  it('keeps squares to a largest side, and to the part of a box inside the map', () => {
    const big = { x: -100, y: 100, width: 2000, height: 2000 };
    const sq = coverSquares(size, [big], { maxSide: 300 });
    expect(sq.every((q) => q.half * 2 <= 300)).toBe(true);
    expect(coversExactly({ x: 0, y: 100, width: 1280, height: 620 }, sq)).toBe('ok');
  });

  it('covers the bands just outside the map, when asked to reach that far out', () => {
    const bands = edgeBands(size, 100);
    const sq = coverSquares(size, bands, { bleed: 100 });
    for (const band of bands) expect(coversExactly(band, sq.filter((q) => q.x + q.half > band.x && q.x - q.half < band.x + band.width && q.y + q.half > band.y && q.y - q.half < band.y + band.height))).toBe('ok');
    expect(sq.every((q) => q.x + q.half <= 0 || q.x - q.half >= 1280 || q.y + q.half <= 0 || q.y - q.half >= 720)).toBe(true);
    expect(coverSquares(size, bands)).toEqual([]);
  });

  it('gives nothing for a box outside the map or of no size', () => {
    expect(coverSquares(size, [{ x: 1300, y: 0, width: 100, height: 100 }, { x: 10, y: 10, width: 0, height: 50 }])).toEqual([]);
  });
});
