// Types for antimeridian.mjs (the build scripts are plain JS; the tests are TS).
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export type Areal = Polygon | MultiPolygon;
export type Linear = LineString | MultiLineString;

export function ringArea(ring: Position[]): number;
export function polygonsOf(geometry: Geometry | null | undefined): Position[][][];
export function linesOf(geometry: Geometry | null | undefined): Position[][];
export function fixSphericalWinding<G extends Geometry | null>(geometry: G): { geometry: G; reversed: boolean };
export function cutAtAntimeridian<G extends Areal | Linear>(geometry: G | null): Areal | Linear | null;
export function cleanPlanar(geometry: Areal | Linear | null, decimals?: number): Areal | Linear | null;
export function toPlanarLonLat(
  geometry: Areal | Linear | null,
  options?: { decimals?: number },
): { geometry: Areal | Linear | null; reversed: boolean };
