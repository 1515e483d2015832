/**
 * Web Mercator as MapLibre draws it (512 px tiles), in units of the world's width: x from 0 at
 * 180° W to 1 at 180° E, y from 0 at the top (85.05° N) to 1 at the foot. Shared by the briefing
 * framing (view-frame.ts) and the exports' scale bar (scale-bar.ts), which reason about a map
 * without one.
 */

/** A tile's size, px: the world is TILE × 2^zoom px across. */
export const TILE = 512;
/** The latitude Web Mercator reaches, north and south. */
const MAX_LAT = 85.051129;
const rad = Math.PI / 180;

export const clampLat = (lat: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
export const mercatorX = (lng: number) => (lng + 180) / 360;
export const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (clampLat(lat) * rad) / 2)) / Math.PI) / 2;
export const lngOfX = (x: number) => x * 360 - 180;
export const latOfY = (y: number) => Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) / rad;
