import type { Map as MaplibreMap } from 'maplibre-gl';
import { afterPresented } from '../lib/after-paint.ts';
import { CAPTURING_ATTR, COVERS_MAP_ATTR, measureFreeArea, type Rect } from '../lib/view-frame.ts';

/**
 * Capturing the map at a fixed size in CSS pixels, whatever the window.
 *
 * Why this approach: MapLibre draws into a WebGL canvas without `preserveDrawingBuffer` (keeping
 * the buffer costs every frame), so its pixels can only be read in the same task as a render. We
 * therefore (1) give the live map's container the export size (position: fixed, behind the
 * progress overlay) at pixel ratio 1 and `resize()` it, (2) wait for `idle` (tiles, symbols and
 * the custom units layer drawn), (3) `triggerRepaint()` and copy the canvas onto a 2D canvas in the
 * `render` handler, where the drawing buffer is still valid, and (4) put size, pixel ratio and
 * camera back. Using the live map keeps everything the user sees (sources, feature-state,
 * highlight, the GPU units layer, overlays) without a second map; a second, hidden map would have
 * to rebuild all of that and double GPU memory. Pixel ratio 1 makes the image exactly the size
 * asked for on any display.
 */

/** The map instance the map view publishes (see src/map/map-view.tsx). */
export function currentMap(): MaplibreMap | null {
  return (globalThis as { __sitmapMap?: MaplibreMap }).__sitmapMap ?? null;
}

/** Resolves on the map's next `idle` after a forced repaint (or after `timeout` ms, so an export never hangs). */
export function mapIdle(map: MaplibreMap, timeout = 60_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, timeout);
    function finish() {
      clearTimeout(timer);
      map.off('idle', finish);
      resolve();
    }
    map.once('idle', finish);
    map.triggerRepaint();
  });
}

/** Copies the next rendered frame of the map onto a new 2D canvas (in the `render` handler, while the drawing buffer is valid). */
export function grabFrame(map: MaplibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const src = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = src.width;
        out.height = src.height;
        out.getContext('2d')!.drawImage(src, 0, 0);
        resolve(out);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    map.triggerRepaint();
  });
}

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export function cameraOf(map: MaplibreMap): Camera {
  const c = map.getCenter();
  return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

/**
 * The part of the map the user actually sees: the container minus the details panel laid over
 * its right side (wide screens) or its bottom (the bottom sheet on phones). A slide of "the
 * current view" is centred on this part, not on the container. (Only the details panel: a slide
 * has its own legend and caption, and room for the map the audience view's overlays cover.)
 */
export function visibleRect(map: MaplibreMap): Rect {
  return measureFreeArea(map.getContainer(), `[${COVERS_MAP_ATTR}="details"]`).free;
}

export interface CaptureSize {
  width: number;
  height: number;
  /** Device pixels per CSS px of the image (default 1: the image is exactly width×height). */
  pixelRatio?: number;
  /** Keep the centre and change the zoom so the area visible before still fits (default true). */
  keepArea?: boolean;
}

/**
 * Runs `fn` with the map's container at `width`×`height` CSS px and the given pixel ratio, then
 * puts the container, the pixel ratio and the camera back as they were and waits until the map is
 * idle again.
 */
export async function withMapSize<T>(map: MaplibreMap, size: CaptureSize, fn: () => Promise<T>): Promise<T> {
  const { width, height, pixelRatio = 1, keepArea = true } = size;
  const container = map.getContainer();
  const before = cameraOf(map);
  const seen = visibleRect(map);
  const seenCentre = map.unproject([seen.x + seen.width / 2, seen.y + seen.height / 2]);
  const savedStyle = container.style.cssText;
  const savedRatio = map.getPixelRatio();
  const ratioOverridden = savedRatio !== globalThis.devicePixelRatio;
  map.stop();
  try {
    // No panels on the image: the map's labels need not keep clear of them (map/panel-keepouts.ts).
    container.setAttribute(CAPTURING_ATTR, '');
    Object.assign(container.style, {
      position: 'fixed',
      inset: 'auto',
      left: '0px',
      top: '0px',
      width: `${width}px`,
      height: `${height}px`,
    });
    map.setPixelRatio(pixelRatio);
    map.resize();
    if (keepArea && seen.width > 0 && seen.height > 0) {
      // The same centre and area as the user saw, at the new size (in CSS px; the pixel ratio only adds detail).
      map.jumpTo({
        center: [seenCentre.lng, seenCentre.lat],
        zoom: before.zoom + Math.log2(Math.min(width / seen.width, height / seen.height)),
        bearing: before.bearing,
        pitch: before.pitch,
      });
    }
    await mapIdle(map);
    return await fn();
  } finally {
    container.removeAttribute(CAPTURING_ATTR);
    container.style.cssText = savedStyle;
    // null lifts the override (documented); the app itself never sets one.
    map.setPixelRatio(ratioOverridden ? savedRatio : (null as unknown as number));
    map.resize();
    map.jumpTo(before);
    await mapIdle(map);
  }
}

/**
 * Resolves once the app has reacted to a change of the store: after the next animation frame
 * twice (React has committed and run its effects), then after the work those effects queued for
 * after the frame (`afterPresented`: the map's camera fit for a selection, the URL): scheduled
 * later with the same delay, this runs after it.
 */
export const settle = () =>
  new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => afterPresented(r))));

/** A canvas as a PNG blob. */
export function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'));
}
