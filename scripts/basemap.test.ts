// Checks the generated basemap (public/basemap/, made by `npm run basemap`) and
// the antimeridian cutting it relies on (scripts/lib/antimeridian.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { cleanPlanar, linesOf, polygonsOf, ringArea, toPlanarLonLat } from './lib/antimeridian.mjs';

type CountryProps = { id: string | null; iso3: string | null; name: string };
type Country = Feature<Polygon | MultiPolygon, CountryProps>;

const dir = fileURLToPath(new URL('../public/basemap/', import.meta.url));

function readJson<T>(file: string): T {
  const path = dir + file;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run basemap\``);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const countries = readJson<FeatureCollection<Polygon | MultiPolygon, CountryProps>>('countries.json');
const borders = readJson<FeatureCollection<Geometry>>('borders.json');

const WORLD_AREA = 360 * 180;

function byIso3(iso3: string): Country {
  const f = countries.features.find((c) => c.properties.iso3 === iso3);
  if (!f) throw new Error(`no feature with iso3 ${iso3}`);
  return f;
}

function bboxOf(points: Position[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    w = Math.min(w, x!);
    s = Math.min(s, y!);
    e = Math.max(e, x!);
    n = Math.max(n, y!);
  }
  return [w, s, e, n];
}

const pointsOf = (polygon: Position[][]) => polygon.flat();
const polygonArea = (polygon: Position[][]) => polygon.reduce((sum, ring) => sum + ringArea(ring), 0);

/** Planar even-odd point in polygon (holes included). */
function polygonContains(polygon: Position[][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function countriesAt(point: [number, number]): string[] {
  return countries.features
    .filter((f) => polygonsOf(f.geometry).some((p) => polygonContains(p, point)))
    .map((f) => f.properties.iso3 ?? f.properties.name);
}

/** Every ring or line of any (Multi)Polygon / (Multi)LineString. */
function linesOfAny(g: Geometry): Position[][] {
  return [...polygonsOf(g).flat(), ...linesOf(g)];
}

function expectPlanarLines(lines: Position[][], what: string) {
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const [x, y] = line[i] as [number, number];
      if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
        throw new Error(`${what}: point [${x}, ${y}] is outside [-180, 180] × [-90, 90]`);
      }
      if (i > 0) {
        const [px, py] = line[i - 1] as [number, number];
        if (Math.abs(x - px) > 180) throw new Error(`${what}: jump from [${px}, ${py}] to [${x}, ${y}] (hairline across the map)`);
        if (x === px && y === py) throw new Error(`${what}: consecutive duplicate point [${x}, ${y}]`);
      }
    }
  }
}

describe('public/basemap/countries.json', () => {
  it('is a FeatureCollection of countries with id, iso3 and name', () => {
    expect(countries.type).toBe('FeatureCollection');
    expect(countries.features.length).toBeGreaterThan(200);
    for (const f of countries.features) {
      expect(f.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(Object.keys(f.properties).sort()).toEqual(['id', 'iso3', 'name']);
      expect(typeof f.properties.name).toBe('string');
      if (f.properties.id !== null) expect(f.properties.id).toMatch(/^\d{3}$/);
      if (f.properties.iso3 !== null) expect(f.properties.iso3).toMatch(/^[A-Z]{3}$/);
    }
    for (const iso3 of ['RUS', 'UKR', 'PRK', 'KOR', 'CHN', 'USA', 'BEL', 'FJI', 'KIR', 'ATA']) byIso3(iso3);
  });

  it('has no ring jumping across the map and stays within [-180, 180] × [-90, 90]', () => {
    for (const f of countries.features) expectPlanarLines(linesOfAny(f.geometry), f.properties.name);
  });

  it('has closed rings of at least 4 points, exteriors counter-clockwise and holes clockwise', () => {
    for (const f of countries.features) {
      for (const polygon of polygonsOf(f.geometry)) {
        polygon.forEach((ring, i) => {
          expect(ring.length, f.properties.name).toBeGreaterThanOrEqual(4);
          expect(ring[0], f.properties.name).toEqual(ring[ring.length - 1]);
          const area = ringArea(ring);
          if (i === 0) expect(area, `${f.properties.name} exterior`).toBeGreaterThan(0);
          else expect(area, `${f.properties.name} hole`).toBeLessThan(0);
        });
      }
    }
  });

  it('has no country covering an implausible share of the map (no "everything but the country")', () => {
    for (const f of countries.features) {
      const share = polygonsOf(f.geometry).reduce((s, p) => s + polygonArea(p), 0) / WORLD_AREA;
      expect(share, f.properties.name).toBeGreaterThan(0);
      expect(share, f.properties.name).toBeLessThan(0.2);
    }
    // Planar lon/lat areas: Antarctica ≈ 9 %, Russia ≈ 4.5 % of 360 × 180.
    const share = (iso3: string) => polygonsOf(byIso3(iso3).geometry).reduce((s, p) => s + polygonArea(p), 0) / WORLD_AREA;
    expect(share('ATA')).toBeGreaterThan(0.07);
    expect(share('ATA')).toBeLessThan(0.12);
    expect(share('RUS')).toBeGreaterThan(0.035);
    expect(share('RUS')).toBeLessThan(0.06);
  });

  it('keeps every country\u2019s area on the sphere (compared with world-atlas)', () => {
    const require = createRequire(import.meta.url);
    const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
    const source = topoFeature(topology, topology.objects.countries as GeometryCollection<{ name: string }>).features;
    expect(countries.features.map((f) => f.properties.name)).toEqual(source.map((f) => f.properties.name));
    countries.features.forEach((f, i) => {
      // RFC 7946 rings reversed give d3's spherical winding back.
      const d3Winding: MultiPolygon = {
        type: 'MultiPolygon',
        coordinates: polygonsOf(f.geometry).map((p) => p.map((r) => r.slice().reverse())),
      };
      const expected = geoArea(source[i]!);
      const actual = geoArea(d3Winding);
      expect(Math.abs(actual - expected), f.properties.name).toBeLessThanOrEqual(Math.max(expected * 0.01, 1e-9));
    });
  });

  it('cuts Russia at the antimeridian: Chukotka on both sides, mainland not wrapped', () => {
    const polygons = polygonsOf(byIso3('RUS').geometry);
    const boxes = polygons.map((p) => bboxOf(pointsOf(p)));
    expect(boxes.some(([, , e]) => e === 180), 'a polygon touching 180 from the west').toBe(true);
    expect(boxes.some(([w]) => w === -180), 'a polygon touching -180 from the east').toBe(true);
    // The parts west of the antimeridian's far side stay east of the Bering Strait.
    for (const [w, , e] of boxes) if (w < 0) expect(e).toBeLessThan(-168);
    // Mainland: the largest polygon runs from the Baltic to the antimeridian.
    const mainland = polygons.reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
    const [w, s, e, n] = bboxOf(pointsOf(mainland));
    expect(w).toBeGreaterThan(19);
    expect(w).toBeLessThan(30);
    expect(e).toBe(180);
    expect(s).toBeGreaterThan(40);
    expect(n).toBeLessThan(80);
    expect(n - s).toBeGreaterThan(30);
    expect(countriesAt([37.6176, 55.7558])).toEqual(['RUS']); // Moscow
    expect(countriesAt([170, 66])).toEqual(['RUS']); // inland Chukotka, west of 180
    expect(countriesAt([-172.0, 65.9])).toEqual(['RUS']); // Chukotka east of 180 (near Lorino)
    expect(countriesAt([-175.0, 60.0])).toEqual([]); // Bering Sea
  });

  it('cuts Fiji at the antimeridian: islands on both sides, none wrapped', () => {
    const boxes = polygonsOf(byIso3('FJI').geometry).map((p) => bboxOf(pointsOf(p)));
    expect(boxes.some(([, , e]) => e === 180)).toBe(true);
    expect(boxes.some(([w]) => w === -180)).toBe(true);
    for (const [w, s, e, n] of boxes) {
      expect(e - w).toBeLessThan(3);
      expect(n - s).toBeLessThan(3);
    }
    expect(countriesAt([178.44, -18.12])).toEqual(['FJI']); // Suva
  });

  it('closes Antarctica along the bottom of the map, from -180 to 180', () => {
    const polygons = polygonsOf(byIso3('ATA').geometry);
    // world-atlas quantised the pole to -89.999, so that is where the edge runs.
    const polar = polygons.filter((p) => bboxOf(pointsOf(p))[1] <= -89.99);
    expect(polar).toHaveLength(1);
    const [w, s, e, n] = bboxOf(pointsOf(polar[0]!));
    expect([w, e]).toEqual([-180, 180]);
    expect(s).toBeLessThanOrEqual(-89.99);
    expect(n).toBeLessThan(-60);
    // The bottom edge runs along the whole width of the map.
    const exterior = polar[0]![0]!;
    const bottom = exterior.filter(([, y]) => y! <= -89.99).map(([x]) => x!);
    expect(Math.min(...bottom)).toBe(-180);
    expect(Math.max(...bottom)).toBe(180);
    expect(countriesAt([0, -85])).toEqual(['ATA']);
    expect(countriesAt([179.9, -89])).toEqual(['ATA']);
    expect(countriesAt([0, -50])).toEqual([]);
  });

  it('puts known places in the right country and the oceans in none', () => {
    expect(countriesAt([30.5238, 50.4547])).toEqual(['UKR']); // Kyiv
    expect(countriesAt([125.7543, 39.0339])).toEqual(['PRK']); // Pyongyang
    expect(countriesAt([126.978, 37.566])).toEqual(['KOR']); // Seoul
    expect(countriesAt([4.3488, 50.8505])).toEqual(['BEL']); // Brussels
    expect(countriesAt([-77.0364, 38.8951])).toEqual(['USA']); // Washington
    expect(countriesAt([-176.6, 51.88])).toEqual(['USA']); // Adak, Aleutians
    expect(countriesAt([-157.4, 1.88])).toEqual(['KIR']); // Kiritimati
    expect(countriesAt([0, 0])).toEqual([]);
    expect(countriesAt([-170, 0])).toEqual([]);
    expect(countriesAt([179.99, 0])).toEqual([]);
  });
});

describe('public/basemap/borders.json', () => {
  it('holds only lines, within bounds and without jumps', () => {
    expect(borders.type).toBe('FeatureCollection');
    expect(borders.features.length).toBeGreaterThan(0);
    for (const f of borders.features) {
      expect(['LineString', 'MultiLineString']).toContain(f.geometry.type);
      expectPlanarLines(linesOfAny(f.geometry), 'borders');
    }
  });
});

describe('scripts/lib/antimeridian.mjs', () => {
  // d3 winding: exterior rings run clockwise (interior on the right-hand side).
  const crossing: Polygon = {
    type: 'Polygon',
    coordinates: [[
      [170, -10], [170, 10], [179.5, 10], [-179.5, 10], [-170, 10],
      [-170, -10], [-179.5, -10], [179.5, -10], [170, -10],
    ]],
  };

  it('cuts a polygon crossing the antimeridian into two halves, RFC 7946 wound', () => {
    const { geometry, reversed } = toPlanarLonLat(crossing);
    expect(reversed).toBe(false);
    expect(geometry?.type).toBe('MultiPolygon');
    const polygons = polygonsOf(geometry);
    expect(polygons).toHaveLength(2);
    const boxes = polygons.map((p) => bboxOf(pointsOf(p))).sort((a, b) => a[0] - b[0]);
    const near = (box: number[], expected: number[]) => box.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 3));
    near(boxes[0]!, [-180, -10, -170, 10]);
    near(boxes[1]!, [170, -10, 180, 10]);
    expect(boxes[0]![0]).toBe(-180);
    expect(boxes[1]![2]).toBe(180);
    for (const p of polygons) {
      expect(ringArea(p[0]!)).toBeCloseTo(200, 0);
      expectPlanarLines(p, 'synthetic');
    }
  });

  it('reads a wrongly wound polygon as the country, not its complement', () => {
    const backwards: Polygon = { type: 'Polygon', coordinates: [crossing.coordinates[0]!.slice().reverse()] };
    const a = toPlanarLonLat(backwards);
    expect(a.reversed).toBe(true);
    expect(a.geometry).toEqual(toPlanarLonLat(crossing).geometry);
  });

  it('closes a ring around the South Pole along the bottom of the map', () => {
    // Eastward at -80°: the pole is on the right-hand side, i.e. inside.
    const ring: Position[] = [];
    for (let lon = -175; lon <= 175; lon += 10) ring.push([lon, -80]);
    ring.push(ring[0]!);
    const { geometry } = toPlanarLonLat({ type: 'Polygon', coordinates: [ring] });
    expect(geometry?.type).toBe('Polygon');
    const polygon = polygonsOf(geometry)[0]!;
    expect(bboxOf(pointsOf(polygon))).toEqual([-180, -90, 180, -80]);
    expect(polygonArea(polygon)).toBeGreaterThan(0);
    expect(polygonArea(polygon) / 3600).toBeCloseTo(1, 2);
  });

  it('leaves a polygon away from the antimeridian alone but for winding and rounding', () => {
    const box: Polygon = { type: 'Polygon', coordinates: [[[30, 50], [30, 51], [31.000001, 51], [31, 50], [30, 50]]] };
    expect(toPlanarLonLat(box).geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]],
    });
  });

  it('cuts a line crossing the antimeridian', () => {
    const { geometry } = toPlanarLonLat({ type: 'LineString', coordinates: [[179, 60], [179.5, 60], [-179.5, 60], [-179, 60]] });
    expect(geometry?.type).toBe('MultiLineString');
    const lines = linesOf(geometry);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.at(-1)![0]).toBe(180);
    expect(lines[1]![0]![0]).toBe(-180);
    expect(lines[0]!.at(-1)![1]).toBeCloseTo(60, 2);
  });

  it('rounds, drops repeated points and collapsed rings', () => {
    const g = cleanPlanar(
      {
        type: 'MultiPolygon',
        coordinates: [
          [[[0, 0], [1, 0], [1.00001, 0.00001], [1, 1], [0, 1], [0, 0]]],
          [[[5, 5], [5.00001, 5], [5.00002, 5.00001], [5, 5]]],
        ],
      },
      4,
    );
    expect(g).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
  });
});
