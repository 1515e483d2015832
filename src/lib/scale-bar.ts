/**
 * A scale bar for an exported map image, as MapLibre's ScaleControl draws one on screen: the
 * longest round distance (1, 2, 3 or 5 × a power of ten, in metres or kilometres) whose bar is at
 * most `maxWidth` px, measured along the map's vertical middle (MapLibre measures between two
 * points on that line with the same mean Earth radius). Pure Web Mercator (512 px tiles).
 *
 * On a map reaching far north and south one bar is true at one latitude only: a world view at
 * 1,000 km would be 1,000 km on the equator and 500 at 60°. An image carries no live bar that
 * updates as the reader looks around, so where the scale across the map's height differs by
 * more than `maxSpread` times, there is none.
 */

import { TILE, latOfY, mercatorY } from './mercator.ts';

/** The longest the map's scale bar may be, CSS px: an export's, as the map view's ScaleControl (map-view.tsx). */
export const SCALE_BAR_WIDTH = 120;

/** MapLibre's mean Earth radius (LngLat.distanceTo), m. */
const EARTH_RADIUS = 6371008.8;
const rad = Math.PI / 180;

export interface ScaleBar {
  /** Length of the bar, px (of the map's CSS size). */
  width: number;
  /** The distance it stands for, m. */
  metres: number;
}

/** The largest of 1, 2, 3, 5 × 10^n not above `x` (MapLibre's getRoundNum). */
function roundDown(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const d = x / p;
  return p * (d >= 5 ? 5 : d >= 3 ? 3 : d >= 2 ? 2 : 1);
}

/**
 * The bar for a map of `height` px centred at latitude `lat` at `zoom`, at most `maxWidth` px
 * long; null where the scale differs more than `maxSpread` times between the map's top and foot
 * (or nothing fits).
 */
export function scaleBar({ lat, zoom, height, maxWidth }: { lat: number; zoom: number; height: number; maxWidth: number }, maxSpread = 1.5): ScaleBar | null {
  const world = TILE * 2 ** zoom;
  const y = mercatorY(lat);
  const top = latOfY(Math.max(0, y - height / 2 / world));
  const foot = latOfY(Math.min(1, y + height / 2 / world));
  // Mercator stretches by 1 / cos(latitude): least where the map is nearest the equator.
  const nearest = top > 0 && foot < 0 ? 0 : Math.min(Math.abs(top), Math.abs(foot));
  const farthest = Math.max(Math.abs(top), Math.abs(foot));
  if (Math.cos(nearest * rad) / Math.cos(farthest * rad) > maxSpread) return null;
  const perPx = (2 * Math.PI * EARTH_RADIUS * Math.cos(lat * rad)) / world;
  const most = maxWidth * perPx;
  if (!(most >= 1)) return null;
  const metres = roundDown(most);
  return { width: metres / perPx, metres };
}
