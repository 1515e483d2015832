// Bare MapLibre baseline for the scrub benchmark (see bench/README.md). Plain JS, served as is.
// Query: data=<fixture dir URL>, units=0|1, w, h (map size in px), lng, lat, zoom (Sitmap's camera).
// Exposes window.__bare = { map, show(date) -> { idle, drawn } }: setData of every source with the
// data Sitmap shows on that date, then the time to the map's next `idle`, and to a 1-pixel readPixels after it (which waits for the GPU; gl.finish() does not in Chromium).
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');

const q = new URLSearchParams(location.search);
const dir = q.get('data');
const withUnits = q.get('units') === '1';
const container = document.getElementById('map');
container.style.width = `${Number(q.get('w'))}px`;
container.style.height = `${Number(q.get('h'))}px`;

const config = await (await fetch(`${dir}/config.json`)).json();
const days = {};
for (const date of config.dates) days[date] = await (await fetch(`${dir}/${date}.json`)).json();

const map = new Map({
  container,
  style: config.style,
  center: [Number(q.get('lng')), Number(q.get('lat'))],
  zoom: Number(q.get('zoom')),
  minZoom: 1,
  maxPitch: 0,
  dragRotate: false,
  attributionControl: false,
});
await new Promise((resolve) => map.once('load', resolve));

for (const image of config.images) {
  const data = Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0));
  map.addImage(image.id, { width: image.width, height: image.height, data }, image.options);
}
for (const [id, spec] of Object.entries(config.sources)) {
  if (id === config.unitsSource && !withUnits) continue;
  map.addSource(id, spec);
}
for (const layer of config.layers) {
  if (layer.source === config.unitsSource && !withUnits) continue;
  map.addLayer(layer);
}

function idle() {
  return new Promise((resolve) => {
    map.once('idle', resolve);
    map.triggerRepaint();
  });
}

async function show(date) {
  const day = days[date];
  if (!day) throw new Error(`no bare fixture for ${date}`);
  const t0 = performance.now();
  for (const [id, data] of Object.entries(day.sources)) map.getSource(id).setData(data);
  if (withUnits) map.getSource(config.unitsSource).setData(day.units);
  await idle();
  const t1 = performance.now();
  const gl = map.getCanvas().getContext('webgl2');
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); // waits for the GPU; finish() does not in Chromium
  return { idle: t1 - t0, drawn: performance.now() - t0 };
}

await idle();
window.__bare = { map, show, ready: true };
