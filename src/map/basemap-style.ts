import type { StyleSpecification } from 'maplibre-gl';
import { BASE } from '../ui/palette.ts';
import type { BasemapData } from './basemap-data.ts';

/** Font family declared by @fontsource/inter; MapLibre renders labels with it locally (no glyph server). */
export const MAP_FONT = ['Inter'];

/**
 * The calm, offline base map: Natural Earth countries and borders served from our own origin
 * (public/basemap/, made by scripts/build-basemap.mjs), or carried inside the single-file build
 * (`data`, from basemap-data.ts). No `glyphs`, no `sprite`, no remote URL.
 */
export function basemapStyle(data: BasemapData): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: data.countries, promoteId: 'iso3' },
      borders: { type: 'geojson', data: data.borders },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASE.water } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': BASE.land, 'fill-antialias': false } },
    ],
  };
}
