import { describe, expect, it } from 'vitest';
import { EDGE_GAP, frameView, freeArea, guardSquares, type Camera, type Rect, type Size, type Square } from './view-frame.ts';

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

  it("never zooms out past the map's minimum: points that cannot all fit are centred in the clear part", () => {
    // Who confirmed the deployment: Washington to Seoul is 204° of longitude, too wide for the
    // clear part at 1280×720 at any zoom the map allows (1).
    const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
    const keep: Array<[number, number]> = [[-77.04, 38.9], [4.35, 50.85], [30.52, 50.45], [37.62, 55.76], [125.75, 39.03], [126.98, 37.57]];
    expect(frameView(view, SCREEN, free, keep, M).zoom).toBeLessThan(1);
    const c = frameView(view, SCREEN, free, keep, M, 1);
    expect(c.zoom).toBe(1);
    const xs = keep.map((p) => project(c, SCREEN, p)[0]);
    const ys = keep.map((p) => project(c, SCREEN, p)[1]);
    // Overflowing evenly left and right; vertically they fit, so within the clear part.
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(mid(free)[0], 6);
    for (const y of ys) expect(y >= free.y + M.y - 1e-6 && y <= free.y + free.height - M.y + 1e-6).toBe(true);
    // A minimum below what the points need changes nothing.
    expect(frameView(view, SCREEN, free, [pyongyang, moscow], M, 1)).toEqual(frameView(view, SCREEN, free, [pyongyang, moscow], M));
  });

  describe('with `tight`: a world view on a small screen', () => {
    // Who confirmed the deployment, less the United States: Brussels, Kyiv, Moscow, Pyongyang, Seoul.
    const keep: Array<[number, number]> = [[4.35, 50.85], [30.52, 50.45], [37.62, 55.76], [125.75, 39.03], [126.98, 37.57]];
    const WIDE = { x: 160, y: 56 };
    const tight = { zoom: 1, margin: { x: 64, y: 48 } };
    const xsOf = (c: Camera, size: Size) => keep.map((p) => project(c, size, p)[0]);

    it('keeps less room round the points rather than zoom out past `tight.zoom`, centred in the clear part', () => {
      const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
      // With the whole margin the five would need a zoom well below 1, where Europe's markers pile up.
      expect(frameView(view, SCREEN, free, keep, WIDE).zoom).toBeLessThan(0.7);
      const c = frameView(view, SCREEN, free, keep, WIDE, 0, { tight });
      expect(c.zoom).toBeCloseTo(1, 9);
      for (const p of keep) expect(inside(project(c, SCREEN, p), free, tight.margin)).toBe(true);
      const xs = xsOf(c, SCREEN);
      expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(mid(free)[0], 6);
    });

    it('zooms out past it only as far as the points need with the least margin (a 4:3 projector)', () => {
      const size: Size = { width: 1024, height: 768 };
      const free = freeArea(size, [{ x: 676, y: 0, width: 348, height: 768 }, { x: 18, y: 63, width: 285, height: 468 }, { x: 18, y: 543, width: 640, height: 192 }, ASOF]);
      const c = frameView(view, size, free, keep, WIDE, 0, { tight });
      expect(c.zoom).toBeLessThan(1);
      for (const p of keep) expect(inside(project(c, size, p), free, tight.margin)).toBe(true);
      const xs = xsOf(c, size);
      expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(free.width - 2 * tight.margin.x, 6);
      // And never below the map's least zoom.
      expect(frameView(view, size, free, keep, WIDE, 0.9, { tight }).zoom).toBeCloseTo(0.9, 9);
    });

    it('changes nothing where the whole margin fits above `tight.zoom`', () => {
      const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
      expect(frameView(view, SCREEN, free, [pyongyang, moscow], M, 0, { tight })).toEqual(frameView(view, SCREEN, free, [pyongyang, moscow], M));
    });
  });

  describe('with `others`: what else the map names', () => {
    // The first Kursk step at 1280×720: about North Korea and Russia; NATO's marker (Brussels) is
    // drawn too, and fell 32 px right of the key, too close for its name.
    const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
    const tight = { zoom: 1, margin: { x: 64, y: 48 } };
    const WIDE = { x: 160, y: 56 };
    const brussels: [number, number] = [4.35, 50.85];
    const others = { points: [brussels], room: { x: 64, y: 48 }, hide: 18 };
    const fromEdge = (c: Camera, p: [number, number]) => project(c, SCREEN, p)[0] - free.x;

    it('moves the camera so that none lies just inside the clear part, where its name has no room', () => {
      const before = frameView(view, SCREEN, free, [moscow, pyongyang], WIDE, 0, { tight });
      expect(fromEdge(before, brussels)).toBeGreaterThan(0);
      expect(fromEdge(before, brussels)).toBeLessThan(64);
      const c = frameView(view, SCREEN, free, [moscow, pyongyang], WIDE, 0, { tight, others });
      expect(c.zoom).toBe(before.zoom);
      // The shorter way: 64 px in (32 px) rather than out of view under the key (50 px).
      expect(fromEdge(c, brussels)).toBeCloseTo(64, 6);
      for (const p of [moscow, pyongyang]) expect(inside(project(c, SCREEN, p), free, tight.margin)).toBe(true);
    });

    it('takes it out of view when that is the shorter move', () => {
      // A point 10 px right of the key: 28 px to hide it, 54 px to give it room.
      const before = frameView(view, SCREEN, free, [moscow, pyongyang], WIDE, 0, { tight });
      const p: [number, number] = [before.center[0] + ((free.x + 10 - SCREEN.width / 2) / (512 * 2 ** before.zoom)) * 360, brussels[1]];
      expect(fromEdge(before, p)).toBeCloseTo(10, 6);
      const c = frameView(view, SCREEN, free, [moscow, pyongyang], WIDE, 0, { tight, others: { ...others, points: [p] } });
      expect(fromEdge(c, p)).toBeCloseTo(-18, 6);
    });

    it('moves nothing when the kept points leave no room to, or nothing is near an edge', () => {
      // Kept points that fill the clear width less the least margin cannot move.
      const wide = frameView(view, SCREEN, free, [brussels, pyongyang], WIDE, 0, { tight });
      const [lo, hi] = [fromEdge(wide, brussels), fromEdge(wide, pyongyang)];
      const filler: [number, number] = [brussels[0] + 1, brussels[1]];
      expect(frameView(view, SCREEN, free, [brussels, pyongyang], WIDE, 0, { tight, others: { ...others, points: [filler] } })).toEqual(wide);
      expect(lo).toBeGreaterThanOrEqual(64 - 1e-6);
      expect(hi).toBeLessThanOrEqual(free.width - 64 + 1e-6);
      const plain = frameView(view, SCREEN, free, [moscow, pyongyang], WIDE, 0, { tight });
      expect(frameView(view, SCREEN, free, [moscow, pyongyang], WIDE, 0, { tight, others: { ...others, points: [[100, 45]] } })).toEqual(plain);
    });
  });

  describe('with `others` the kept points leave no room to move: zoomed out a little', () => {
    // The Far East step at 1280×720: its places fill the clear part from top to bottom, and South
    // Korea's marker fell 11 px inside the caption's edge, half under it.
    const free = freeArea(SCREEN, [PANEL, LEGEND, CAPTION, ASOF]);
    const tight = { zoom: 1, margin: { x: 64, y: 48 } };
    const WIDE = { x: 160, y: 56 };
    const far: Camera = { center: [130, 45], zoom: 4.5, bearing: 0, pitch: 0 };
    const blagoveshchensk: [number, number] = [127.54, 50.28];
    const wonsan: [number, number] = [127.44, 39.15];
    const keep = [blagoveshchensk, wonsan];
    const base = frameView(far, SCREEN, free, keep, WIDE, 0, { tight });
    /** A point `dy` px below the clear part's top edge, in the middle across, under `base`. */
    const at = (dy: number): [number, number] => {
      const world = 512 * 2 ** base.zoom;
      const yOf = (l: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360)) / Math.PI) / 2;
      const y = yOf(base.center[1]) + (free.y + free.height - dy - SCREEN.height / 2) / world;
      const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
      return [base.center[0] + ((mid(free)[0] - SCREEN.width / 2) / world) * 360, lat];
    };
    const others = (p: [number, number]) => ({ points: [p], room: { x: 64, y: 48 }, hide: 18 });

    it('zooms out just enough for the other to lie clear, the kept points still inside their margin', () => {
      // The kept points fill the height less the margin: no move of the camera is left.
      const ys = keep.map((p) => project(base, SCREEN, p)[1]);
      expect(Math.min(...ys)).toBeCloseTo(free.y + WIDE.y, 1);
      expect(Math.max(...ys)).toBeCloseTo(free.y + free.height - WIDE.y, 1);
      const southKorea = at(10);
      const c = frameView(far, SCREEN, free, keep, WIDE, 0, { tight, others: others(southKorea) });
      expect(c.zoom).toBeLessThan(base.zoom);
      expect(c.zoom).toBeGreaterThanOrEqual(base.zoom + Math.log2(0.68) - 1e-9);
      const fromBottom = free.y + free.height - project(c, SCREEN, southKorea)[1];
      expect(fromBottom >= 48 - 1e-6 || fromBottom <= -18 + 1e-6).toBe(true);
      for (const p of keep) expect(inside(project(c, SCREEN, p), free, tight.margin)).toBe(true);
    });

    it('never zooms out past the minimum to do it', () => {
      expect(frameView(far, SCREEN, free, keep, WIDE, base.zoom, { tight, others: others(at(10)) })).toEqual(base);
    });
  });

  it('leaves the camera as it is when nothing of the map is clear', () => {
    expect(frameView(view, SCREEN, { x: 0, y: 0, width: 0, height: 0 }, [pyongyang], M)).toBe(view);
  });
});

describe('guardSquares', () => {
  const size: Size = { width: 1280, height: 720 };
  const panel = { x: 846, y: 0, width: 434, height: 720 };
  const legend = { x: 18, y: 64, width: 306, height: 334 };
  const caption = { x: 18, y: 527, width: 810, height: 159 };
  /** Whether a label's box `r` overlaps some square (touching is not meeting). */
  const meets = (r: Rect, sq: Square[]) => sq.some((q) => r.x < q.x + q.half && r.x + r.width > q.x - q.half && r.y < q.y + q.half && r.y + r.height > q.y - q.half);
  const label = (x: number, y: number): Rect => ({ x, y, width: 120, height: 20 });
  /** Label boxes on a grid over the map and a little beyond it. */
  const labels = () => {
    const out: Rect[] = [];
    for (let x = -60; x < 1300; x += 7) for (let y = -10; y < 730; y += 9) out.push(label(x, y));
    return out;
  };
  const crosses = (r: Rect, b: Rect) => r.x < b.x + b.width && r.x + r.width > b.x && r.y < b.y + b.height && r.y + r.height > b.y && !(r.x >= b.x && r.x + r.width <= b.x + b.width && r.y >= b.y && r.y + r.height <= b.y + b.height);
  const inside = (r: Rect, b: Rect) => r.x >= b.x && r.x + r.width <= b.x + b.width && r.y >= b.y && r.y + r.height <= b.y + b.height;
  const map: Rect = { x: 0, y: 0, width: 1280, height: 720 };

  it('lines the edges of each box a label could cross, inside the box: a label across one meets a square, one wholly under a box or clear of all meets none', () => {
    const boxes = [panel, legend, caption];
    const sq = guardSquares(size, boxes);
    for (const r of labels()) {
      const across = boxes.some((b) => crosses(r, b) && r.x >= 0 && r.x + r.width <= 1280 && r.y >= 0 && r.y + r.height <= 720);
      const clear = !boxes.some((b) => crosses(r, b) || inside(r, b));
      if (across) expect(meets(r, sq), `label at ${r.x}, ${r.y} across a box`).toBe(true);
      const deep = boxes.some((b) => inside(r, { x: b.x + 16, y: b.y + 16, width: b.width - 32, height: b.height - 32 }));
      if (clear || deep) expect(meets(r, sq), `label at ${r.x}, ${r.y}`).toBe(false);
    }
    // The details panel's top, right and bottom are the map's: only its left edge is lined.
    expect(sq.filter((q) => q.x > 846).every((q) => q.x === 846 + q.half)).toBe(true);
    expect(sq.filter((q) => q.x > 846)).toHaveLength(45);
  });

  it('with `edges`, lines the outside of the map too: a label across its edge, or within EDGE_GAP px of it, meets a square, and no square reaches further onto the map', () => {
    const sq = guardSquares(size, [], { edges: true });
    const g = EDGE_GAP;
    const clear = { x: g, y: g, width: 1280 - 2 * g, height: 720 - 2 * g };
    for (const r of labels()) {
      const onMap = r.x < 1280 && r.y < 720 && r.x + r.width > 0 && r.y + r.height > 0;
      if (onMap) expect(meets(r, sq), `label at ${r.x}, ${r.y}`).toBe(!inside(r, clear));
    }
    // A label box flush with the top edge (the case a label-off-edge test caught) meets one; 2 px down, none.
    expect(meets(label(400, 0), sq)).toBe(true);
    expect(meets(label(400, g), sq)).toBe(false);
    expect(sq.every((q) => q.x + q.half <= g || q.x - q.half >= 1280 - g || q.y + q.half <= g || q.y - q.half >= 720 - g)).toBe(true);
  });

  it('leaves out the squares whose copy one world away would land on the clear map, and only those', () => {
    const boxes = [panel, legend, caption];
    const all = guardSquares(size, boxes, { edges: true });
    // A world 1024 px wide (zoom 1): the map's right edge comes back at x 256, beside the legend.
    const sq = guardSquares(size, boxes, { edges: true, repeat: { dx: 1024, dy: 0 } });
    const copies = (q: Square) => [-1, 1].map((k) => ({ x: q.x + k * 1024, y: q.y, half: q.half }));
    const onClearMap = (c: Square) => c.x + c.half > 0 && c.x - c.half < 1280 && c.y + c.half > 0 && c.y - c.half < 720 && !boxes.some((b) => c.x - c.half >= b.x - 0.5 && c.x + c.half <= b.x + b.width + 0.5 && c.y - c.half >= b.y - 0.5 && c.y + c.half <= b.y + b.height + 0.5);
    expect(sq.filter((q) => copies(q).some(onClearMap))).toEqual([]);
    expect(all.filter((q) => !copies(q).some(onClearMap))).toEqual(sq);
    // The map's left edge comes back under the details panel and the panel's left edge off the map: all kept.
    expect(sq.filter((q) => q.x < 0)).toEqual(all.filter((q) => q.x < 0));
    expect(sq.filter((q) => q.x === 846 + q.half)).toHaveLength(45);
    // The right edge's squares (48 px, outside it) come back at x 256..304: kept where the legend or the caption is
    // there, left out between them and above.
    const right = sq.filter((q) => q.x > 1280);
    const beside = (q: Square, b: Rect) => q.y - q.half >= b.y - 0.5 && q.y + q.half <= b.y + b.height + 0.5;
    expect(right.some((q) => beside(q, legend)) && right.some((q) => beside(q, caption))).toBe(true);
    expect(right.every((q) => beside(q, legend) || beside(q, caption))).toBe(true);
    // A world wider than the map leaves all of them.
    expect(guardSquares(size, boxes, { edges: true, repeat: { dx: 2048, dy: 0 } })).toEqual(all);
  });

  it('gives nothing for a box outside the map or of no size', () => {
    expect(guardSquares(size, [{ x: 1300, y: 0, width: 100, height: 100 }, { x: 10, y: 10, width: 0, height: 50 }])).toEqual([]);
  });
});
