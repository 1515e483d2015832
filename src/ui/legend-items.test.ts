import { describe, expect, it } from 'vitest';
import { RELATION_TYPES, type RelationType } from '../scenario/constants.ts';
import { localizeScenario } from '../scenario/localize.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import { greatCircleArc } from '../scenario/derive/arcs.ts';
import { collectionInView, legendItems, type ViewBounds } from './legend-items.ts';

const scenario = localizeScenario(minimalScenario(), 'en');
const relationTypes = Object.fromEntries(RELATION_TYPES.map((t) => [t, true])) as Record<RelationType, boolean>;
const layers = { relations: true, movements: true, positions: true, places: true };
const labels = { relation: (t: string) => t, movement: (m: string) => `by ${m}`, reported: 'reported', alleged: 'alleged', area: 'area', actor: 'actor', place: 'place' };
// 25 Oct 2024: the deployment (Pyongyang → Moscow) holds, the flights (Pyongyang → Kursk) have
// begun, the Kursk-region position (an area around Kursk and Sudzha) holds.
const key = (bounds?: ViewBounds) => legendItems(scenario, { date: '2024-10-25', layers, relationTypes, bounds }, labels).map((i) => i.label);
const KURSK: ViewBounds = [34, 50.5, 37.5, 52.3];

describe('legendItems with the bounds in view', () => {
  it('lists only what reaches into them', () => {
    const all = ['troop-deployment', 'by air', 'reported', 'area', 'actor', 'place'];
    expect(key()).toEqual(all);
    // Around Kursk: the end of the flights, the area and the places there; neither capital, and
    // not the Pyongyang–Moscow arc, which runs far to the north-east.
    expect(key(KURSK)).toEqual(['by air', 'reported', 'area', 'place']);
    // The Pacific: nothing of the scenario.
    expect(key([-170, -10, -150, 10])).toEqual([]);
    // The whole world: everything.
    expect(key([-180, -85, 180, 85])).toEqual(all);
  });

  it('finds a line crossing the view between two of its points', () => {
    const arc = greatCircleArc([125.75432, 39.03385], [37.61556, 55.75222]);
    const [a, b] = [arc[50]!, arc[51]!];
    const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const d = Math.min(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])) / 4;
    const tiny: ViewBounds = [mid[0]! - d, mid[1]! - d, mid[0]! + d, mid[1]! + d];
    expect(key(tiny)).toEqual(['troop-deployment']);
    expect(key([tiny[0], tiny[1] + 2, tiny[2], tiny[3] + 2])).toEqual([]);
  });

  it('reads longitudes past ±180 as the same world', () => {
    expect(key([KURSK[0] + 360, KURSK[1], KURSK[2] + 360, KURSK[3]])).toEqual(key(KURSK));
    expect(key([KURSK[0] - 360, KURSK[1], KURSK[2] - 360, KURSK[3]])).toEqual(key(KURSK));
  });
});

describe('collectionInView (an overlay from the user\'s file)', () => {
  const fc = (geometry: GeoJSON.Geometry): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] });
  it('finds points by their place and lines and areas by what reaches in', () => {
    expect(collectionInView(KURSK, fc({ type: 'Point', coordinates: [36, 51.7] }))).toBe(true);
    expect(collectionInView(KURSK, fc({ type: 'Point', coordinates: [30, 51.7] }))).toBe(false);
    // A front line from south-west to north-east of the view, passing through it: no vertex inside.
    expect(collectionInView(KURSK, fc({ type: 'LineString', coordinates: [[30, 48], [42, 55]] }))).toBe(true);
    // Its box overlaps the view, the line itself does not reach in.
    expect(collectionInView(KURSK, fc({ type: 'LineString', coordinates: [[30, 53], [40, 58], [45, 45]] }))).toBe(false);
    // An area round the view.
    expect(collectionInView(KURSK, fc({ type: 'MultiPolygon', coordinates: [[[[30, 45], [45, 45], [45, 58], [30, 58], [30, 45]]]] }))).toBe(true);
  });
});
