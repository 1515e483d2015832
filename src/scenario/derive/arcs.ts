import { greatCircle } from '@turf/great-circle';
import { point } from '@turf/helpers';

export type LngLat = [number, number];

/** Wraps a longitude into [-180, 180). */
function wrap(lng: number): number {
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/**
 * Great-circle arc from `from` to `to` as one continuous line.
 *
 * Turf 7.4's greatCircle splits arcs that cross the 180° meridian into a MultiLineString with a
 * gap of several degrees there. Great circles are unchanged by rotation about the polar axis, so
 * the arc is computed with `from` moved to longitude 0 (where an arc spanning less than 180° of
 * longitude never meets the antimeridian), then moved back. Longitudes are left unwrapped (they
 * may run past ±180), which MapLibre draws as a continuous line.
 */
export function greatCircleArc(from: LngLat, to: LngLat, npoints = 100): LngLat[] {
  const shift = from[0];
  const dLng = wrap(to[0] - shift);
  if (Math.abs(dLng) < 1e-9 && Math.abs(to[1] - from[1]) < 1e-9) return [from, [from[0], from[1]]];
  const line = greatCircle(point([0, from[1]]), point([dLng, to[1]]), { npoints });
  const parts = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
  const coords: LngLat[] = [];
  let prev = 0;
  for (const part of parts) {
    for (const c of part) {
      let lng = c[0]! ;
      while (lng - prev > 180) lng -= 360;
      while (lng - prev < -180) lng += 360;
      coords.push([lng + shift, c[1]!]);
      prev = lng;
    }
  }
  // Exact end points: the arc must meet the markers it joins.
  coords[0] = [from[0], from[1]];
  coords[coords.length - 1] = [shift + dLng, to[1]];
  return coords;
}

/** Rough great-circle distance in km (haversine), for choosing how finely to draw an arc. */
function km(a: LngLat, b: LngLat): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * r) / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A path through several places: consecutive great-circle arcs joined into one continuous line.
 * Each arc gets a vertex about every `kmPerSegment` (at least one segment, at most
 * `maxPointsPerLeg` points): a chord of 150 km strays from the true arc by well under a pixel at
 * the zooms a theatre is shown at, and short hops do not carry 48 vertices each (10,000 legs
 * would otherwise mean 600,000 segments for the GPU units layer).
 */
export function greatCirclePath(points: readonly LngLat[], kmPerSegment = 150, maxPointsPerLeg = 48): LngLat[] {
  const out: LngLat[] = [];
  let offset = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const npoints = Math.max(2, Math.min(maxPointsPerLeg, Math.ceil(km(a, b) / kmPerSegment) + 1));
    const leg = greatCircleArc([a[0] + offset, a[1]], [b[0] + offset, b[1]], npoints);
    out.push(...(i === 1 ? leg : leg.slice(1)));
    // Keep following legs continuous with where this one ended.
    const end = leg[leg.length - 1]!;
    offset = end[0] - b[0];
  }
  return out;
}
