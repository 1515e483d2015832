import type { FeatureCollection } from 'geojson';
// Only read by the single-file build (`vite build --mode single`): in every other mode the branch
// below is dead, and Rolldown drops these side-effect-free modules, so the normal bundle stays as
// it was and fetches the basemap from public/basemap/ instead.
import countriesText from '../../public/basemap/countries.json?raw';
import bordersText from '../../public/basemap/borders.json?raw';

/** Data of the basemap's two GeoJSON sources: a URL to fetch, or the GeoJSON itself. */
export interface BasemapData {
  countries: string | FeatureCollection;
  borders: string | FeatureCollection;
}

/**
 * Where the basemap comes from. The normal build serves public/basemap/*.json from our own origin
 * (`baseUrl`). The single-file build (one HTML opened from file://, where nothing can be fetched)
 * carries the files as text and hands MapLibre the parsed objects (a geojson source accepts either).
 */
export function basemapData(baseUrl: string): BasemapData {
  if (import.meta.env.MODE === 'single') {
    return { countries: JSON.parse(countriesText) as FeatureCollection, borders: JSON.parse(bordersText) as FeatureCollection };
  }
  return { countries: `${baseUrl}basemap/countries.json`, borders: `${baseUrl}basemap/borders.json` };
}
