import type { Map as MapLibreMap } from 'maplibre-gl';
import { arrowImage } from './arrow-image.ts';
import { ARROW_IMAGE, KEEPOUT_IMAGE } from './layers/scenario-layers.ts';

type StyleImage = { width: number; height: number; data: Uint8Array };

/** The images the scenario layers name, made in code (no sprite file to fetch). */
export const MAP_IMAGES: Record<string, { make: () => StyleImage; options: { sdf?: boolean; pixelRatio: number } }> = {
  [ARROW_IMAGE]: { make: () => arrowImage(), options: { sdf: true, pixelRatio: 2 } },
  // Transparent: only its size counts (the label keep-outs).
  [KEEPOUT_IMAGE]: { make: () => ({ width: 2, height: 2, data: new Uint8Array(2 * 2 * 4) }), options: { pixelRatio: 1 } },
};

/** Adds the named image if it is one of ours and the style lacks it (the map's missing-image resolver). */
export function addMapImage(map: MapLibreMap, id: string): void {
  const image = MAP_IMAGES[id];
  if (image && !map.hasImage(id)) map.addImage(id, image.make(), image.options);
}

/** Every image as the bench's bare pages take it (no app code there): pixels in base64. */
export function mapImagesForPage(toBase64: (data: Uint8Array) => string): BareImage[] {
  return Object.entries(MAP_IMAGES).map(([id, { make, options }]) => {
    const image = make();
    return { id, width: image.width, height: image.height, base64: toBase64(image.data), options };
  });
}
export interface BareImage {
  id: string;
  width: number;
  height: number;
  base64: string;
  options: { sdf?: boolean; pixelRatio: number };
}
