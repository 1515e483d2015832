/** Gap between the pointer and its tooltip; the tooltip's widest (app.css `.map-tooltip`) and a tall one's height. */
const TOOLTIP_GAP = 14;
const TOOLTIP_MAX_W = 260;
const TOOLTIP_TALL = 100;
export type Tooltip = { text: string; style: { left?: number; right?: number; top?: number; bottom?: number } };

/**
 * A tooltip below right of the pointer, or on the side with room near the map's right or bottom
 * edge: anchored by its right (bottom) side there, it grows away from the edge, so a long name
 * neither runs off the screen (making the page scroll) nor wraps into a sliver against it.
 */
export function tooltipAt(p: { x: number; y: number }, text: string, map: { clientWidth: number; clientHeight: number }): Tooltip {
  const { clientWidth: w, clientHeight: h } = map;
  const x = p.x + TOOLTIP_GAP + TOOLTIP_MAX_W > w ? { right: w - p.x + TOOLTIP_GAP } : { left: p.x + TOOLTIP_GAP };
  const y = p.y + TOOLTIP_GAP + TOOLTIP_TALL > h ? { bottom: h - p.y + TOOLTIP_GAP } : { top: p.y + TOOLTIP_GAP };
  return { text, style: { ...x, ...y } };
}
