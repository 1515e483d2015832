import type { GeoJSONSource, Map as MaplibreMap, SymbolLayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { CAPTURING_ATTR, EDGE_GAP, HIDES_LABELS_ATTR, boxesIn, guardSquares } from '../lib/view-frame.ts';
import { KEEPOUT_IMAGE } from './layers/scenario-layers.ts';
import { editable } from './editable.ts';

const SELECTOR = `[${HIDES_LABELS_ATTR}]`;

/**
 * The panels' keep-out: invisible squares along the edges of the boxes laid over the map (the
 * details panel; while presenting the caption, legend and date) and just outside the map's own
 * edges, so that no label is cut off at a panel's edge or
 * the map's: a label that would cross one goes to a free side of its marker, or is left out like
 * any label with no room. Added on top of every layer (placed first) by `keepLabelsOffPanels`.
 */
export const PANEL_KEEPOUT_SOURCE = 'sitmap-panel-keepouts';
export const panelKeepout: SymbolLayerSpecification = {
  id: 'panel-keepout',
  type: 'symbol',
  source: PANEL_KEEPOUT_SOURCE,
  layout: {
    'icon-image': KEEPOUT_IMAGE,
    // The image is 2 px wide: icon-size is the square's half side in px.
    'icon-size': ['get', 'half'],
    'icon-allow-overlap': true,
    'icon-padding': 0,
  },
  paint: { 'icon-opacity': 0 },
};

/** Web Mercator's top and bottom edge, as latitude. */
const WORLD_EDGE_LAT = 85.051128;

/**
 * Keeps the map's labels from going under the panels laid over it (`data-hides-labels`: the
 * details panel; while presenting the caption, legend and date), where they would be cut off at
 * the panel's edge ("North Kore"), and from running off the map's edges. MapLibre's label
 * placement knows nothing of the page around the canvas, but it keeps labels off its own icons:
 * so the edges of each panel (and of the map) are lined with invisible square icons
 * (`panelKeepout`, on top of every layer, placed first; `guardSquares`), and a label that would
 * cross one goes to a free side of its marker instead, or is left out. A label
 * wholly under a panel, where its marker is too, is hidden there and left be. While the user pans
 * a label may slide off the edge, as on any map (the squares are cleared while the map moves, see
 * below); once the map stops it takes a side on the map. Exploring, the map's edges counted only
 * while presenting and exporting at first, and a frame button left China's label cut at the
 * sidebar ("a", Russian Far East at 1280×720) once actor labels turned away from their neighbour.
 *
 * Only the edges are lined, not the panels' whole area, because MapLibre draws each icon in every
 * copy of the world: zoomed out until the world is narrower than the map (a world-wide step on a
 * 1920 px screen), squares over the whole details panel came back one world away, over the clear
 * map, and hid the United States' label. The few squares along an edge whose copy would land on
 * the clear map are left out (`guardSquares`).
 *
 * The squares are anchored at the map positions under the panels' edges, so they are set again
 * after the map moves (`moveend`) or resizes, and when a panel comes, goes or changes size. While
 * the map moves they are cleared: anchored where the panels were, they would hide labels at random
 * places along a flight. While an export draws the map at another size (`data-capturing` on the
 * container) only the map's edges count: the image has no panels.
 *
 * Loaded once the map is first idle (map-view.tsx). Returns what stops it.
 */
export function keepLabelsOffPanels(map: MaplibreMap): () => void {
  const container = map.getContainer();
  let moving = map.isMoving();
  let held = '[]';
  const update = () => {
    const features: Array<Feature<Point>> = [];
    if (!moving) {
      const capturing = container.hasAttribute(CAPTURING_ATTR);
      const { size, boxes } = boxesIn(container, SELECTOR);
      // One world to the east, on screen: MapLibre draws each icon in every copy of the world.
      const c = map.getCenter();
      const here = map.project(c);
      const east = map.project([c.lng + 360, c.lat]);
      const repeat = { dx: east.x - here.x, dy: east.y - here.y };
      for (const { x, y, half } of guardSquares(size, capturing ? [] : boxes, { edges: true, repeat })) {
        const at = map.unproject([x, y]);
        // Beyond the world's top or bottom edge (a world view as tall as the map: MapLibre zooms no
        // further out) the source clamps the latitude to that edge, which would bring a square of
        // the map's edge onto the map; there it is a thin one, reaching EDGE_GAP px onto it as the others do.
        const clamped = Math.abs(at.lat) > WORLD_EDGE_LAT;
        // Wrapped into -180..180 (the source's world); drawn in the world copy on screen.
        const { lng, lat } = at.wrap();
        features.push({ type: 'Feature', properties: { half: clamped ? Math.min(half, EDGE_GAP) : half }, geometry: { type: 'Point', coordinates: [lng, lat] } });
      }
    }
    const key = JSON.stringify(features);
    // (Not while the style cannot be changed, map-view.tsx: `install` sets them again after.)
    if (key === held || !editable(map)) return;
    held = key;
    map.getSource<GeoJSONSource>(PANEL_KEEPOUT_SOURCE)?.setData({ type: 'FeatureCollection', features } satisfies FeatureCollection);
  };

  // A panel that changes size (the key following the view, a caption in another language).
  const sized = new ResizeObserver(update);
  let panels: HTMLElement[] = [];
  let frame = 0;
  // Panels that come or go (a selection, presenting): watched from then on.
  const scan = () => {
    const now = [...document.querySelectorAll<HTMLElement>(SELECTOR)];
    if (now.length === panels.length && now.every((el, i) => el === panels[i])) return;
    panels = now;
    sized.disconnect();
    for (const el of now) sized.observe(el);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(update);
  };
  const added = new MutationObserver(scan);
  added.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: [HIDES_LABELS_ATTR] });
  const start = () => {
    moving = true;
    update();
  };
  const end = () => {
    moving = false;
    update();
  };
  // The layer goes in once the style is loaded, and again should a style come back without it: a
  // restored WebGL context reloads the style, and adding to a style still loading throws.
  const install = () => {
    if (!editable(map) || map.getSource(PANEL_KEEPOUT_SOURCE) || !map.isStyleLoaded()) return;
    map.addSource(PANEL_KEEPOUT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer(panelKeepout);
    held = '[]';
    update();
  };
  map.on('movestart', start);
  map.on('moveend', end);
  map.on('resize', update);
  map.on('idle', install);
  scan();
  install();
  update();
  return () => {
    map.off('idle', install);
    added.disconnect();
    sized.disconnect();
    cancelAnimationFrame(frame);
    map.off('movestart', start);
    map.off('moveend', end);
    map.off('resize', update);
  };
}
