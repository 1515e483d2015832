// Turns spherical GeoJSON (d3 conventions, as in world-atlas) into planar lon/lat
// GeoJSON that a Web Mercator renderer such as MapLibre can fill.
//
// world-atlas stores stitched, spherical geometry: rings may cross the 180°
// meridian (Chukotka, Fiji) and Antarctica is a ring around the South Pole.
// Drawn as planar lon/lat, such a ring jumps from +180 to -180 (a hairline across
// the map) and its fill goes wrong. d3-geo's antimeridian clipping, applied
// through d3-geo-projection's geoProject with an equirectangular projection whose
// x is exactly longitude and y exactly minus latitude, cuts every ring at ±180 and
// closes rings that enclose a pole along the edge of the map.
//
// d3 works on the sphere: exterior rings clockwise, edges are great-circle arcs
// (the arcs in the 1:50m data are short, so that barely moves the cut points).
// The output here follows RFC 7946: exterior rings counter-clockwise, holes
// clockwise, in planar lon/lat.

import { geoArea, geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';

/**
 * x = longitude, y = -latitude, in degrees. No resampling (precision 0): the
 * data's vertices are kept as they are; only the antimeridian cut adds points.
 * The y flip is undone after projecting (see flipY) rather than with
 * reflectY(true), because geoProject tells exterior rings from holes by their
 * orientation on screen (y down), which reflectY would invert.
 */
function lonLatProjection() {
  return geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).precision(0);
}

/** Signed planar area of a ring (shoelace, y up): > 0 when counter-clockwise. */
export function ringArea(ring) {
  let sum = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** The polygons of a Polygon or MultiPolygon as a list of ring lists. */
export function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** The lines of a LineString or MultiLineString. */
export function linesOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/**
 * d3 reads a polygon whose rings run the "wrong" way as its complement on the
 * sphere (everything but the country). Such a polygon has a spherical area
 * above 2π steradians (half the sphere); reversing its rings fixes it.
 * Returns the geometry (unchanged when already right) and whether it was fixed.
 */
export function fixSphericalWinding(geometry) {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    return { geometry, reversed: false };
  }
  if (geoArea(geometry) <= 2 * Math.PI) return { geometry, reversed: false };
  const reverse = (rings) => rings.map((ring) => ring.slice().reverse());
  const coordinates =
    geometry.type === 'Polygon' ? reverse(geometry.coordinates) : geometry.coordinates.map(reverse);
  return { geometry: { type: geometry.type, coordinates }, reversed: true };
}

function flipY(geometry) {
  const flip = (p) => [p[0], -p[1]];
  switch (geometry.type) {
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(flip) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((l) => l.map(flip)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(flip)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(flip))),
      };
    default:
      throw new Error(`unsupported geometry type ${geometry.type}`);
  }
}

/**
 * Cuts a spherical (Multi)Polygon or (Multi)LineString at the antimeridian and
 * returns it as planar lon/lat, unrounded. Polygon rings are not yet in RFC 7946
 * order (see cleanPlanar). Returns null when nothing is left.
 */
export function cutAtAntimeridian(geometry) {
  if (!geometry) return null;
  const projected = geoProject(geometry, lonLatProjection());
  return projected ? flipY(projected) : null;
}

function roundTo(decimals) {
  const k = 10 ** decimals;
  return (v) => {
    const r = Math.round(v * k) / k;
    return r === 0 ? 0 : r; // no -0
  };
}

function roundPoints(points, round) {
  const out = [];
  for (const p of points) {
    const q = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function roundRing(ring, round) {
  const out = roundPoints(ring, round);
  if (out.length > 1) {
    const a = out[0];
    const b = out[out.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) out.pop();
  }
  // A ring needs three distinct corners and some area.
  if (out.length < 3) return null;
  out.push(out[0].slice());
  return ringArea(out) === 0 ? null : out;
}

/** Exterior counter-clockwise, holes clockwise (RFC 7946, planar y up). */
function rewind(polygon) {
  return polygon.map((ring, i) => {
    const ccw = ringArea(ring) > 0;
    return (i === 0) === ccw ? ring : ring.slice().reverse();
  });
}

/**
 * Rounds to `decimals`, drops consecutive duplicate points, drops rings and lines
 * that collapse (a polygon whose exterior collapses goes with its holes) and
 * rewinds polygons to RFC 7946 order. Returns null when nothing is left.
 */
export function cleanPlanar(geometry, decimals = 4) {
  if (!geometry) return null;
  const round = roundTo(decimals);
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const polygons = [];
    for (const polygon of polygonsOf(geometry)) {
      const exterior = roundRing(polygon[0], round);
      if (!exterior) continue;
      const holes = polygon
        .slice(1)
        .map((r) => roundRing(r, round))
        .filter(Boolean);
      polygons.push(rewind([exterior, ...holes]));
    }
    if (polygons.length === 0) return null;
    return polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  }
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    const lines = linesOf(geometry)
      .map((l) => roundPoints(l, round))
      .filter((l) => l.length >= 2);
    if (lines.length === 0) return null;
    return lines.length === 1
      ? { type: 'LineString', coordinates: lines[0] }
      : { type: 'MultiLineString', coordinates: lines };
  }
  throw new Error(`unsupported geometry type ${geometry.type}`);
}

/**
 * Spherical geometry (d3 / world-atlas conventions) to clean planar lon/lat
 * GeoJSON: winding checked, cut at ±180, poles closed along the map edge,
 * rounded, RFC 7946 winding. Returns { geometry, reversed }, where reversed
 * tells that the input's winding had to be flipped.
 */
export function toPlanarLonLat(geometry, { decimals = 4 } = {}) {
  const fixed = fixSphericalWinding(geometry);
  return {
    geometry: cleanPlanar(cutAtAntimeridian(fixed.geometry), decimals),
    reversed: fixed.reversed,
  };
}
