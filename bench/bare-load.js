// Bare MapLibre baseline for the cold-load benchmark (bench/load-bench.ts). Plain JS, served as is.
// Query: config=<URL of a bench/load-data.ts config>, w, h (map size in px), lng, lat, zoom (Sitmap's
// opening camera). Builds the map from ONE style (basemap by URL, scenario sources inline, every
// layer) with the same maplibre-gl 6 build from node_modules; sets window.__bareMap right after
// construction (the benchmark's probe times the first `idle` with every layer present).
// split=1 (diagnosis): starts with the basemap only (water, land) and adds every other source and
// layer in the map's `load` event, as Sitmap does (its React tree adds them once the map has loaded).
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');

const q = new URLSearchParams(location.search);
const container = document.getElementById('map');
container.style.width = `${Number(q.get('w'))}px`;
container.style.height = `${Number(q.get('h'))}px`;

const config = await (await fetch(q.get('config'))).json();
const split = q.get('split') === '1';
const BASEMAP_LAYERS = new Set(['water', 'land']);
const style = split
  ? { ...config.style, sources: { countries: config.style.sources.countries, borders: config.style.sources.borders }, layers: config.style.layers.filter((l) => BASEMAP_LAYERS.has(l.id)) }
  : config.style;
const map = new Map({
  container,
  style,
  center: [Number(q.get('lng')), Number(q.get('lat'))],
  zoom: Number(q.get('zoom')),
  minZoom: 1,
  maxPitch: 0,
  dragRotate: false,
  attributionControl: { compact: true, customAttribution: config.attribution },
});
window.__bareMap = map;
for (const image of config.images) {
  const data = Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0));
  map.addImage(image.id, { width: image.width, height: image.height, data }, image.options);
}
if (split) {
  map.once('load', () => {
    for (const [id, source] of Object.entries(config.style.sources)) if (!map.getSource(id)) map.addSource(id, source);
    for (const layer of config.style.layers) if (!BASEMAP_LAYERS.has(layer.id)) map.addLayer(layer);
  });
}
