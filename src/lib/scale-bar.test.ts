import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { scaleBar } from './scale-bar.ts';

/** Longitude span of `px` pixels at `zoom` (Web Mercator, 512 px tiles). */
const lngSpan = (px: number, zoom: number) => (px / (512 * 2 ** zoom)) * 360;

describe('scaleBar', () => {
  it('is a round distance whose bar measures it on the map, along the map’s middle', () => {
    // The Kursk close-up: about 51.5° N, zoom 6.4, a 571 px high map (the slide's, in CSS px).
    const bar = scaleBar({ lat: 51.5, zoom: 6.4, height: 571, maxWidth: 120 })!;
    expect(bar).not.toBeNull();
    expect([1, 2, 3, 5].map((d) => d * 10 ** Math.floor(Math.log10(bar.metres)))).toContain(bar.metres);
    expect(bar.width).toBeLessThanOrEqual(120);
    // The next round distance up would not fit: 50 km here, 100 km would be longer than 120 px.
    expect(bar.metres).toBe(50_000);
    // Independently: the great-circle distance between the bar's ends on that latitude.
    const km = distance([35, 51.5], [35 + lngSpan(bar.width, 6.4), 51.5], { units: 'kilometers' });
    expect(km).toBeCloseTo(bar.metres / 1000, 1);
  });

  it('gives metres on a street-level map and kilometres on a country-level one', () => {
    expect(scaleBar({ lat: 51.5, zoom: 15, height: 500, maxWidth: 120 })!.metres).toBeLessThan(1000);
    expect(scaleBar({ lat: 43, zoom: 3.8, height: 571, maxWidth: 120 })!.metres).toBeGreaterThanOrEqual(100_000);
  });

  it('has none where one bar cannot hold across the map: a world view', () => {
    // The opening view of the Kursk scenario on the slide: zoom about 2.5 from 20° to 70° N.
    expect(scaleBar({ lat: 47, zoom: 2.5, height: 571, maxWidth: 120 })).toBeNull();
    expect(scaleBar({ lat: 0, zoom: 1, height: 571, maxWidth: 120 })).toBeNull();
    // Around the equator the scale changes little: a bar even at a low zoom.
    expect(scaleBar({ lat: 0, zoom: 3, height: 571, maxWidth: 120 })).not.toBeNull();
  });

  it('takes the spread it allows as given', () => {
    const view = { lat: 43, zoom: 3.8, height: 571, maxWidth: 120 };
    expect(scaleBar(view, 1.5)).not.toBeNull();
    expect(scaleBar(view, 1.05)).toBeNull();
  });
});
