// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOverlay } from './overlay.ts';
import { fileKind } from './file-actions.tsx';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../e2e/fixtures', name), 'utf8');

describe('overlays', () => {
  it('reads GeoJSON, keeping every property and numbering features for selection', () => {
    const r = parseOverlay(fixture('front-line.geojson'), 'front-line.geojson', 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.overlay.name).toBe('front-line.geojson');
    expect(r.overlay.data.features.map((f) => f.properties)).toEqual([
      { name: 'Sketched front line', drawn_by: 'analyst', note: '<b>not bold</b> — شمال 北 🚩', __sitmapId: '0-0' },
      { name: 'Contested area', __sitmapId: '0-1' },
    ]);
  });

  it('reads KML with @tmcw/togeojson', () => {
    const r = parseOverlay(fixture('sites.kml'), 'sites.kml', 3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.overlay.data.features.map((f) => [f.geometry.type, f.properties?.name, f.properties?.__sitmapId])).toEqual([
      ['Point', 'Observation post', '3-0'],
      ['LineString', 'Supply road', '3-1'],
    ]);
  });

  it('accepts a bare Feature or geometry', () => {
    expect(parseOverlay('{"type":"Point","coordinates":[30,50]}', 'p.geojson', 0).ok).toBe(true);
    expect(parseOverlay('{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[30,50]}}', 'f.geojson', 0).ok).toBe(true);
  });

  it('refuses coordinates outside the world with their path', () => {
    const r = parseOverlay('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[30,50],[30,95]]}}]}', 'bad.geojson', 0);
    expect(r).toEqual({
      ok: false,
      problems: [{ file: 'bad.geojson', path: '$.features[0].geometry.coordinates[1]', message: '[30, 95] is outside the world (longitude ±180, latitude ±90)' }],
    });
  });

  it('says what is wrong with files that are not GeoJSON or KML', () => {
    expect(parseOverlay('{"hello":1}', 'x.geojson', 0)).toMatchObject({ ok: false, problems: [{ path: '$.type' }] });
    expect(parseOverlay('{oops', 'x.geojson', 0)).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/^could not be read/) }] });
    expect(parseOverlay('<kml><Document><Placemark></kml>', 'x.kml', 0)).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/^is not valid KML/) }] });
    expect(parseOverlay('{"type":"FeatureCollection","features":[]}', 'empty.geojson', 0)).toMatchObject({ ok: false, problems: [{ path: '$.features', message: 'has no features with a geometry' }] });
  });

  it('tells scenarios from overlays', () => {
    expect(fileKind('a.kml', '<?xml')).toBe('overlay');
    expect(fileKind('a.geojson', '{')).toBe('overlay');
    expect(fileKind('a.json', '{"type": "FeatureCollection"')).toBe('overlay');
    expect(fileKind('a.json', '{"$schema":"x","schemaVersion": 2')).toBe('scenario');
    expect(fileKind('a.json', 'garbage')).toBe('scenario');
  });
});
