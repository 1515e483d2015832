#!/usr/bin/env node
// Builds the offline basemap (public/basemap/) from world-atlas (Natural Earth
// 1:50m, TopoJSON):
//   countries.json  one feature per country: { id, iso3, name }
//   borders.json    internal land borders (MultiLineString)
// Geometry is cut at the antimeridian and polar rings are closed along the map
// edge (scripts/lib/antimeridian.mjs) so that MapLibre fills every country.
// Deterministic: the same input gives byte-identical output. Usage: npm run basemap

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import countries from 'i18n-iso-countries';
import { feature, mesh } from 'topojson-client';
import { linesOf, polygonsOf, toPlanarLonLat } from './lib/antimeridian.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const source = require.resolve('world-atlas/countries-50m.json');
const outDir = join(root, 'public', 'basemap');
const DECIMALS = 4; // ~11 m

const topology = JSON.parse(readFileSync(source, 'utf8'));
const atlasVersion = JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')).version;

function crossesAntimeridian(geometry) {
  const lines = [...polygonsOf(geometry).flat(), ...linesOf(geometry)];
  return lines.some((line) => line.some((p, i) => i > 0 && Math.abs(p[0] - line[i - 1][0]) > 180));
}

// Countries
const cut = [];
const reversed = [];
const features = [];
for (const f of feature(topology, topology.objects.countries).features) {
  const name = f.properties.name;
  const id = f.id ?? null;
  const iso3 = (id !== null && countries.numericToAlpha3(id)) || null;
  if (crossesAntimeridian(f.geometry)) cut.push(name);
  const planar = toPlanarLonLat(f.geometry, { decimals: DECIMALS });
  if (planar.reversed) reversed.push(name);
  if (!planar.geometry) {
    console.warn(`warning: ${name} (${id}) has no geometry left, skipped`);
    continue;
  }
  features.push({ type: 'Feature', properties: { id, iso3, name }, geometry: planar.geometry });
}

// Internal borders (arcs shared by two different countries)
const borderGeometry = toPlanarLonLat(
  mesh(topology, topology.objects.countries, (a, b) => a !== b),
  { decimals: DECIMALS },
).geometry;
const borders = {
  type: 'FeatureCollection',
  features: borderGeometry ? [{ type: 'Feature', properties: {}, geometry: borderGeometry }] : [],
};

mkdirSync(outDir, { recursive: true });
const outputs = [
  ['countries.json', { type: 'FeatureCollection', features }],
  ['borders.json', borders],
];
console.log(`source: world-atlas ${atlasVersion} countries-50m.json`);
console.log(`countries: ${features.length} features`);
console.log(`cut at the antimeridian: ${cut.join(', ') || 'none'}`);
console.log(`winding reversed (read as their complement): ${reversed.join(', ') || 'none'}`);
const noIso3 = features.filter((f) => !f.properties.iso3).map((f) => f.properties.name);
console.log(`no ISO alpha-3: ${noIso3.join(', ') || 'none'}`);
for (const [file, data] of outputs) {
  const text = JSON.stringify(data);
  const path = join(outDir, file);
  writeFileSync(path, text);
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`${relative(root, path)}: ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
}
