import { describe, expect, it } from 'vitest';
import { copyShift, pathExit, placeMarks, pointersFor, rayExit, type PointerView, type Pt } from './edge-marks.ts';
import type { Rect } from './view-frame.ts';

// The clear part of the 1280×720 audience view: right of the key, above the caption, left of the details panel.
const FREE: Rect = { x: 325, y: 0, width: 520, height: 495 };

describe('pathExit', () => {
  it('is where the line leaves the clear part for the last time, pointing along it', () => {
    // In, out past the top, back in, then off to the right towards the target.
    const path: Pt[] = [[400, 300], [500, -50], [600, 100], [700, 100], [900, 100]];
    const m = pathExit(path, FREE)!;
    expect(m.side).toBe('right');
    expect(m.x).toBeCloseTo(845);
    expect(m.y).toBeCloseTo(100);
    expect(m.angle).toBeCloseTo(0);
  });

  it('takes the side the last segment crosses, and its direction', () => {
    const m = pathExit([[500, 200], [400, -100]], FREE)!;
    expect(m.side).toBe('top');
    expect(m.y).toBeCloseTo(0);
    expect(m.x).toBeCloseTo(500 - 100 * (200 / 300));
    expect(m.angle).toBeCloseTo(Math.atan2(-300, -100));
  });

  it('is nothing when the target is in the clear part, or no part of the line is', () => {
    expect(pathExit([[900, 100], [500, 200]], FREE)).toBeNull();
    expect(pathExit([[900, 100], [1000, 200]], FREE)).toBeNull();
    expect(pathExit([], FREE)).toBeNull();
  });
});

describe('rayExit', () => {
  it('is where the line from the middle of the clear part to the target crosses its edge', () => {
    const m = rayExit([85, 247.5], FREE)!; // straight left of the middle (585, 247.5)
    expect(m.side).toBe('left');
    expect(m.x).toBeCloseTo(325);
    expect(m.y).toBeCloseTo(247.5);
    expect(m.angle).toBeCloseTo(Math.PI);
    expect(rayExit([585, 1000], FREE)!.side).toBe('bottom');
    expect(rayExit([600, 200], FREE)).toBeNull();
  });
});

describe('placeMarks', () => {
  const mark = (x: number, y: number, side: 'left' | 'right' | 'top' | 'bottom') => ({ x, y, side, angle: 0, width: 160, height: 30 });
  const inside = (b: Rect, r: Rect) => b.x >= r.x && b.y >= r.y && b.x + b.width <= r.x + r.width && b.y + b.height <= r.y + r.height;
  const apart = (a: Rect, b: Rect) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

  it('puts each against its side, centred on the mark along it, inside the clear part less the padding', () => {
    const [right, top, left] = placeMarks([mark(845, 100, 'right'), mark(500, 0, 'top'), mark(325, 480, 'left')], FREE, 10);
    expect(right).toEqual({ x: 845 - 10 - 160, y: 85, width: 160, height: 30 });
    expect(top).toEqual({ x: 420, y: 10, width: 160, height: 30 });
    // Near a corner: kept in, against the left side.
    expect(left).toEqual({ x: 335, y: 495 - 10 - 30, width: 160, height: 30 });
  });

  it('moves a box along its side past the markers it would cover and past those placed before', () => {
    const marker: Rect = { x: 780, y: 80, width: 48, height: 48 };
    const boxes = placeMarks([mark(845, 100, 'right'), mark(845, 110, 'right')], FREE, 10, [marker]);
    for (const b of boxes) {
      expect(inside(b, FREE)).toBe(true);
      expect(apart(b, marker)).toBe(true);
    }
    expect(apart(boxes[0]!, boxes[1]!)).toBe(true);
    expect(boxes[0]!.y).toBe(80 + 48 + 6);
  });

  it('goes the other way when there is no room onwards, and stays put when there is none either way', () => {
    const [b] = placeMarks([mark(845, 480, 'right')], FREE, 10, [{ x: 700, y: 440, width: 145, height: 55 }]);
    expect(b!.y).toBe(440 - 30 - 6);
    const full: Rect = { x: 325, y: 0, width: 520, height: 495 };
    const [c] = placeMarks([mark(845, 200, 'right')], FREE, 10, [full]);
    expect(c!.y).toBe(185);
  });
});

describe('pointersFor', () => {
  // A plate carrée map 1280×720 centred on 60° E: 4 px per degree.
  const project = ([lng, lat]: [number, number], shift: number): Pt => [640 + (lng + shift - 60) * 4, 360 - lat * 4];
  const view: PointerView = { size: { width: 1280, height: 720 }, free: FREE, hides: [{ x: 846, y: 0, width: 434, height: 720 }], radius: 8, project, midLng: 60 + ((FREE.x + FREE.width / 2) - 640) / 4 };
  const t = (id: string, at: [number, number], arcs: Array<Array<[number, number]>>, direct: boolean) => ({ id, at, arcs, direct });

  it('points to what cannot be seen along its first line whose other end can, and to nothing that can be seen', () => {
    // Seoul-ish is under the panel (x 900); the line from Moscow-ish (x 552) runs east to it.
    const line: Array<[number, number]> = [[37, 55], [80, 50], [127, 37]];
    const hiddenStart: Array<[number, number]> = [[-77, 39], [127, 37]];
    const [p, ...rest] = pointersFor([t('seen', [40, 50], [], true), t('korea', [127, 37], [hiddenStart, line], false)], view);
    expect(rest).toEqual([]);
    expect(p!.target.id).toBe('korea');
    expect(p!.side).toBe('right');
    expect(p!.x).toBeCloseTo(845);
    // On the segment 80° → 127°, where it crosses x = 845 (lng 111.25).
    expect(p!.y).toBeCloseTo(360 - (50 - (13 * (111.25 - 80)) / 47) * 4);
  });

  it('points straight from the middle to what the step names itself, and not to a mere end with no line in view', () => {
    const marks = pointersFor([t('named', [-120, 39], [], true), t('end', [-120, 39], [[[-150, 40], [-120, 39]]], false)], view);
    expect(marks.map((m) => [m.target.id, m.side])).toEqual([['named', 'left']]);
  });

  it('takes each point in the world copy nearest the middle of the clear part', () => {
    expect(copyShift(-170, 160)).toBe(360);
    expect(copyShift(170, -160)).toBe(-360);
    expect(copyShift(30, 60)).toBe(0);
    // 250° E is 110° W: nearest the middle (~46° E) one world west, so the pointer is on the left.
    const [m] = pointersFor([t('west', [250, 39], [], true)], view);
    expect(m!.side).toBe('left');
  });
});
