import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * The part of the world a map shows now, [west, south, east, north] (west and east may run past
 * ±180 when the map shows longitudes beyond them): what the audience's key, the slide's key and
 * the handout's keys list things within (src/ui/legend-items.ts).
 */
export function viewBoundsOf(map: MaplibreMap): [west: number, south: number, east: number, north: number] {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}
