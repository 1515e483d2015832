import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Whether the map's style can be changed: not from a lost WebGL context until the style MapLibre
 * reloads at the restore has loaded (its sources, layers and feature-state calls throw meanwhile,
 * and an error thrown in an effect would take the whole app down). map-view.tsx sets again what
 * was skipped once it can.
 */
export const editable = (map: MaplibreMap) => !!map.style?._loaded;
