import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { minimalScenario } from '../fixtures/minimal.ts';
import { actorFeatures, areaFeatures, frameBounds, movementRoutes, placeFeatures, positionAnchors, relationFeatures, stepKeepPoints, uncertaintyArea } from './features.ts';
import type { LngLat } from './arcs.ts';

const KURSK: LngLat = [36.18735, 51.73733];
const SUDZHA: LngLat = [35.2726, 51.1976];

describe('uncertaintyArea', () => {
  it('contains every place and reaches the buffer distance beyond them, no further', () => {
    const area = uncertaintyArea([KURSK, SUDZHA], 25);
    expect(booleanPointInPolygon(KURSK, area)).toBe(true);
    expect(booleanPointInPolygon(SUDZHA, area)).toBe(true);
    const ring = area.geometry.coordinates[0]!;
    const nearest = ring.map((c) => Math.min(distance(c as LngLat, KURSK), distance(c as LngLat, SUDZHA), distanceToSegment(c as LngLat)));
    // Every vertex of the hull lies ~25 km from the spanning places (the buffer), within 0.5 km.
    for (const d of nearest) expect(d).toBeGreaterThan(24.5);
    for (const d of nearest) expect(d).toBeLessThan(25.5);
  });

  it('is a circle around a single place', () => {
    const area = uncertaintyArea([KURSK], 10);
    for (const c of area.geometry.coordinates[0]!) expect(distance(c as LngLat, KURSK)).toBeCloseTo(10, 0);
  });
});

function distanceToSegment(p: LngLat): number {
  // Coarse: sample the segment Kursk–Sudzha.
  let best = Infinity;
  for (let t = 0; t <= 1; t += 0.01) {
    best = Math.min(best, distance(p, [KURSK[0] + t * (SUDZHA[0] - KURSK[0]), KURSK[1] + t * (SUDZHA[1] - KURSK[1])]));
  }
  return best;
}

describe('scenario to features', () => {
  it('puts actor markers at their capitals', () => {
    const fc = actorFeatures(minimalScenario());
    expect(fc.features.map((f) => [f.properties.id, f.geometry.coordinates])).toEqual([
      ['north-korea', [125.75432, 39.03385]],
      ['russia', [37.61556, 55.75222]],
    ]);
  });

  it("turns each actor's label away from the nearest other actor, as seen on the map (north up)", () => {
    const s = minimalScenario();
    const away = () => Object.fromEntries(actorFeatures(s).features.map((f) => [f.properties.id, f.properties.away]));
    // 0 right, 2 above, 4 left, 6 below; +1 when the direction leans clockwise of that side.
    // Pyongyang lies east of Moscow, a little south (clockwise); Moscow west of it, a little north.
    expect(away()).toEqual({ 'north-korea': 1, russia: 5 });
    // Seoul, 195 km south-south-east of Pyongyang: one marker on the other at a world view. Their
    // labels go opposite ways: North Korea's above (leaning west), South Korea's below (leaning east).
    s.places.push({ ...s.places.find((p) => p.id === s.actors[0]!.capitalPlaceId)!, id: 'seoul', lngLat: [126.978, 37.5665] });
    s.actors.push({ ...s.actors[0]!, id: 'south-korea', capitalPlaceId: 'seoul' });
    expect(away()).toEqual({ 'north-korea': 2, russia: 5, 'south-korea': 6 });
    // The two Koreas, nearest each other, are the most crowded: their labels are placed first.
    const near = Object.fromEntries(actorFeatures(s).features.map((f) => [f.properties.id, f.properties.near]));
    expect(near['north-korea']).toBeCloseTo(near['south-korea']!, 0); // each measured at its own latitude
    expect(near['north-korea']).toBeLessThan(near.russia! / 100);
    // Alone, or with every other actor at the same capital: below, as before.
    s.actors = [s.actors[0]!, { ...s.actors[0]!, id: 'twin' }];
    expect(away()).toEqual({ 'north-korea': 6, twin: 6 });
    expect(actorFeatures(s).features.map((f) => f.properties.near)).toEqual([1e9, 1e9]);
  });

  it('gives relations between the same pair distinct lanes, mirrored for the opposite direction', () => {
    const s = minimalScenario();
    s.relations.push(
      { ...s.relations[0]!, id: 'denies', type: 'denial', from: 'russia', to: 'north-korea' },
      { ...s.relations[0]!, id: 'third', type: 'alliance' },
    );
    const lanes = Object.fromEntries(relationFeatures(s).features.map((f) => [f.properties.id, f.properties.lane]));
    // Sorted pair is (north-korea, russia); lanes -1, 0, 1 in list order; the reversed one flips sign.
    expect(lanes).toEqual({ deploys: -1, denies: -0, third: 1 });
    const one = relationFeatures(minimalScenario()).features[0]!;
    expect(one.properties.lane).toBe(0);
    expect(one.geometry.coordinates[0]).toEqual([125.75432, 39.03385]);
  });

  it('draws areas only for positions located by region', () => {
    const fc = areaFeatures(minimalScenario());
    expect(fc.features.map((f) => f.properties.id)).toEqual(['kursk-region']);
  });

  it('leaves places without coordinates out of the map', () => {
    const ids = placeFeatures(minimalScenario()).features.map((f) => f.properties.id);
    expect(ids).not.toContain('maryino');
    expect(ids).toContain('kursk');
  });

  it('frames the bounds of the frame places', () => {
    expect(frameBounds(minimalScenario(), 'all')).toEqual([
      [37.61556, 39.03385],
      [125.75432, 55.75222],
    ]);
    expect(frameBounds(minimalScenario(), 'nowhere')).toBeUndefined();
  });

  it("keeps in a step's view the places of what it selects and highlights, not relation arcs", () => {
    const s = minimalScenario();
    const at = (id: string) => s.places.find((p) => p.id === id)!.lngLat;
    expect(stepKeepPoints(s, [{ kind: 'actor', id: 'russia' }])).toEqual([at('moscow')]);
    expect(stepKeepPoints(s, [{ kind: 'relation', id: 'deploys' }])).toEqual([]);
    expect(stepKeepPoints(s, [{ kind: 'movement', id: 'air-west' }])).toEqual([at('pyongyang'), at('kursk')]);
    expect(stepKeepPoints(s, [{ kind: 'position', id: 'kursk-region' }, { kind: 'place', id: 'sudzha' }])).toEqual([at('kursk'), at('sudzha'), at('sudzha')]);
    // Unknown ids and places without coordinates add nothing.
    expect(stepKeepPoints(s, [{ kind: 'actor', id: 'atlantis' }, { kind: 'place', id: 'maryino' }])).toEqual([]);
  });
});

describe('arcs and routes, derived once per scenario', () => {
  it('gives the map and the legend the same objects for one scenario, and new ones for another', () => {
    const a = minimalScenario();
    const b = minimalScenario();
    expect(relationFeatures(a)).toBe(relationFeatures(a));
    expect(movementRoutes(a)).toBe(movementRoutes(a));
    expect(relationFeatures(b)).not.toBe(relationFeatures(a));
    expect(relationFeatures(b)).toEqual(relationFeatures(a));
    expect(positionAnchors(a).get('kursk-region')).toEqual([(KURSK[0] + SUDZHA[0]) / 2, (KURSK[1] + SUDZHA[1]) / 2]);
  });
});
