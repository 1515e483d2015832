import { describe, expect, it } from 'vitest';
import { tooltipAt } from './tooltip.ts';

const map = { clientWidth: 1000, clientHeight: 600 };

describe('tooltipAt', () => {
  it('sits below right of the pointer where there is room', () => {
    expect(tooltipAt({ x: 100, y: 100 }, 'China', map)).toEqual({ text: 'China', style: { left: 114, top: 114 } });
  });
  it('grows leftwards near the right edge, upwards near the bottom', () => {
    // 990 + 14 + 260 > 1000: anchored by its right side, 14 px left of the pointer.
    expect(tooltipAt({ x: 990, y: 590 }, 'Stationed in Khabarovsk (NIS)', map).style).toEqual({ right: 24, bottom: 24 });
    // The last point where the widest tooltip still fits to the right.
    expect(tooltipAt({ x: 726, y: 486 }, 'x', map).style).toEqual({ left: 740, top: 500 });
    expect(tooltipAt({ x: 727, y: 487 }, 'x', map).style).toEqual({ right: 287, bottom: 127 });
  });
});
