import type { StyleSpecification } from 'maplibre-gl';
import { BASE } from '../ui/palette.ts';

/** Font family declared by @fontsource/inter; MapLibre renders labels with it locally (no glyph server). */
export const MAP_FONT = ['Inter'];

/**
 * The calm, offline base map: Natural Earth countries and borders served from our own origin
 * (public/basemap/, made by scripts/build-basemap.mjs). No `glyphs`, no `sprite`, no remote URL.
 */
export function basemapStyle(baseUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: `${baseUrl}basemap/countries.json`, promoteId: 'iso3' },
      borders: { type: 'geojson', data: `${baseUrl}basemap/borders.json` },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASE.water } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': BASE.land, 'fill-antialias': false } },
    ],
  };
}
