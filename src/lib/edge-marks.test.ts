import { describe, expect, it } from 'vitest';
import { pathExit, placeMarks, rayExit, type Pt } from './edge-marks.ts';
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
