import type { LegendItem, LegendSymbol } from '../ui/legend-items.ts';
import { BASE } from '../ui/palette.ts';
import { fitList } from './citations.ts';

/** Slide geometry (CSS px = image px: the slide is drawn at pixel ratio 1). */
export const SLIDE = { width: 1920, height: 1080, header: 132, footer: 92, legend: 460 } as const;
/** The map's part of the slide: everything between header and footer, left of the legend. */
export const SLIDE_MAP = { width: SLIDE.width - SLIDE.legend, height: SLIDE.height - SLIDE.header - SLIDE.footer } as const;

/** The map is drawn 1.5 times as large as on screen (labels, lines, markers), for projection. */
export const SLIDE_MAP_PIXEL_RATIO = 1.5;

const FONT = 'Inter, system-ui, sans-serif';
const font = (weight: number, px: number) => `${weight} ${px}px ${FONT}`;

export interface SlideContent {
  title: string;
  /** A line under the title (e.g. the scenario title under a step title), or ''. */
  subtitle: string;
  asOfLabel: string;
  asOfDate: string;
  legendTitle: string;
  legend: LegendItem[];
  /** "Sources:" */
  sourcesLabel: string;
  sources: string[];
  more: (n: number) => string;
  mapData: string;
}

/**
 * The line under a briefing step's title on its slide: the scenario's title and the briefing's,
 * or the briefing's alone when it already opens with most of the scenario's ("North Korean troops
 * in Russia, autumn 2024" · "North Korean troops in Russia: what was reported, and by whom" said
 * the same words twice): the two share their first words, at least half of the shorter title's and
 * at least two of them (or the scenario's whole title).
 */
export function stepSubtitle(scenarioTitle: string, briefingTitle: string): string {
  const words = (s: string) => s.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const a = words(scenarioTitle);
  const b = words(briefingTitle);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  if (!b.length) return scenarioTitle;
  // One word in common ("The war" · "The morning") says nothing unless it is the scenario's whole title.
  const repeats = (shared >= 2 || shared === a.length) && shared * 2 >= Math.min(a.length, b.length);
  return repeats ? briefingTitle : `${scenarioTitle} · ${briefingTitle}`;
}

/** Writes `text` at (x, y), shrinking from `px` down to `minPx` to fit `maxWidth`, then cutting with an ellipsis. */
function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, weight: number, px: number, minPx: number) {
  let size = px;
  ctx.font = font(weight, size);
  while (size > minPx && ctx.measureText(text).width > maxWidth) ctx.font = font(weight, --size);
  let out = text;
  while (out.length > 1 && ctx.measureText(out).width > maxWidth) out = out.slice(0, -2) + '…';
  ctx.fillText(out, x, y);
}

/** The text as one line if it fits, else split at the last space that lets the first line fit. */
function twoLines(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  if (ctx.measureText(text).width <= maxWidth) return [text];
  const words = text.split(' ');
  for (let k = words.length - 1; k > 0; k--) {
    const first = words.slice(0, k).join(' ');
    if (ctx.measureText(first).width <= maxWidth) return [first, words.slice(k).join(' ')];
  }
  return [text];
}

function drawSymbol(ctx: CanvasRenderingContext2D, s: LegendSymbol, x: number, y: number, w: number) {
  ctx.save();
  if (s.kind === 'line') {
    // MapLibre's line-dasharray is in multiples of the line width; draw it the same way.
    const lw = Math.max(3, s.width * 1.3);
    ctx.strokeStyle = s.color;
    ctx.lineWidth = lw;
    ctx.lineCap = s.dash ? 'butt' : 'round';
    ctx.setLineDash(s.dash ? s.dash.map((d) => d * lw) : []);
    ctx.beginPath();
    ctx.moveTo(x + 4, y);
    ctx.lineTo(x + w - 6, y);
    ctx.stroke();
    if (s.arrow) {
      ctx.setLineDash([]);
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 3.5;
      ctx.beginPath();
      ctx.moveTo(x + w - 20, y - 9);
      ctx.lineTo(x + w - 8, y);
      ctx.lineTo(x + w - 20, y + 9);
      ctx.stroke();
    }
  } else if (s.kind === 'dot') {
    ctx.beginPath();
    ctx.arc(x + w / 2, y, s.radius, 0, Math.PI * 2);
    ctx.fillStyle = s.fill;
    ctx.fill();
    ctx.lineWidth = s.strokeWidth;
    ctx.strokeStyle = s.stroke;
    ctx.stroke();
  } else {
    ctx.globalAlpha = 0.22;
    ctx.fillStyle = s.color;
    ctx.fillRect(x + 6, y - 12, w - 12, 24);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash([7, 5]);
    ctx.strokeRect(x + 6, y - 12, w - 12, 24);
  }
  ctx.restore();
}

/**
 * A scale bar in a map image's lower left corner, its box's lower left at (x, bottom): the
 * distance above a bar with end ticks, on a white box so it reads over any map. `k` scales the
 * type and box (1: the slide's; the bar's width is as given). Drawn before the pointers to actors
 * off the map (pointers.ts), which go on top should one fall in that corner.
 */
export function drawScale(ctx: CanvasRenderingContext2D, scale: { width: number; label: string }, x: number, bottom: number, k = 1) {
  ctx.save();
  ctx.font = font(600, Math.round(21 * k));
  const pad = 12 * k;
  const w = Math.max(scale.width, ctx.measureText(scale.label).width) + 2 * pad;
  const h = 68 * k;
  const top = bottom - h;
  ctx.globalAlpha = 0.88;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(x, top, w, h, 6 * k);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.fillStyle = BASE.text;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(scale.label, x + pad, top + pad + 19 * k);
  // The bar: its ends are the distance's ends; ticks up from each.
  const y = bottom - pad - 2 * k;
  ctx.strokeStyle = BASE.text;
  ctx.lineWidth = 4 * k;
  ctx.lineCap = 'butt';
  ctx.beginPath();
  ctx.moveTo(x + pad, y - 12 * k);
  ctx.lineTo(x + pad, y);
  ctx.lineTo(x + pad + scale.width, y);
  ctx.lineTo(x + pad + scale.width, y - 12 * k);
  ctx.stroke();
  ctx.restore();
}

/**
 * Composes the slide: header (title, subtitle, "as of" date), the map image, the legend on the
 * right and the sources footer. `map` is drawn into the map area, scaled if its size differs.
 */
export function drawSlide(ctx: CanvasRenderingContext2D, map: CanvasImageSource & { width: number; height: number }, c: SlideContent): void {
  const { width: W, height: H, header, footer, legend } = SLIDE;
  ctx.save();
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);

  // Map.
  ctx.fillStyle = BASE.water;
  ctx.fillRect(0, header, SLIDE_MAP.width, SLIDE_MAP.height);
  ctx.drawImage(map, 0, 0, map.width, map.height, 0, header, SLIDE_MAP.width, SLIDE_MAP.height);

  // Header: dark band like the app's top bar; the "as of" date at the right, large.
  ctx.fillStyle = BASE.text;
  ctx.fillRect(0, 0, W, header);
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'right';
  ctx.font = font(600, 22);
  ctx.globalAlpha = 0.8;
  ctx.fillText(c.asOfLabel.toUpperCase(), W - 56, 50);
  ctx.globalAlpha = 1;
  ctx.font = font(700, 44);
  ctx.fillText(c.asOfDate, W - 56, 102);
  const dateWidth = Math.max(ctx.measureText(c.asOfDate).width, 160);
  ctx.textAlign = 'left';
  const titleWidth = W - 56 - dateWidth - 56 - 56;
  if (c.subtitle) {
    fitText(ctx, c.title, 56, 70, titleWidth, 700, 50, 34);
    ctx.globalAlpha = 0.85;
    fitText(ctx, c.subtitle, 56, 110, titleWidth, 400, 26, 20);
    ctx.globalAlpha = 1;
  } else {
    fitText(ctx, c.title, 56, 84, titleWidth, 700, 52, 34);
  }

  // Legend panel.
  const lx = W - legend;
  ctx.fillStyle = '#fbfbfa';
  ctx.fillRect(lx, header, legend, SLIDE_MAP.height);
  ctx.fillStyle = '#d9dde1';
  ctx.fillRect(lx, header, 2, SLIDE_MAP.height);
  ctx.fillStyle = BASE.text;
  ctx.font = font(700, 30);
  ctx.fillText(c.legendTitle, lx + 36, header + 56);
  const rows = c.legend.length;
  const available = SLIDE_MAP.height - 96 - 24;
  const rowH = Math.min(58, Math.floor(available / Math.max(rows, 1)));
  const symbolW = 72;
  const labelW = legend - symbolW - 32 - 18 - 20;
  // One type size for every row: the largest at which every label fits one line, down to 20 px;
  // longer labels (German ones) wrap onto a second line.
  let size = Math.min(25, rowH - 12);
  for (; size > 20; size--) {
    ctx.font = font(400, size);
    if (c.legend.every((i) => ctx.measureText(i.label).width <= labelW)) break;
  }
  ctx.font = font(400, size);
  let y = header + 96 + rowH / 2;
  for (const item of c.legend) {
    drawSymbol(ctx, item.symbol, lx + 32, y, symbolW);
    ctx.fillStyle = BASE.text;
    ctx.textBaseline = 'middle';
    const lines = twoLines(ctx, item.label, labelW);
    const lineH = Math.round(size * 1.12);
    lines.forEach((line, k) => fitText(ctx, line, lx + 32 + symbolW + 18, y + 1 + (k - (lines.length - 1) / 2) * lineH, labelW, 400, size, size));
    ctx.textBaseline = 'alphabetic';
    y += rowH;
  }

  // Footer: sources of what is shown, then map data.
  const fy = H - footer;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, fy, W, footer);
  ctx.fillStyle = '#d9dde1';
  ctx.fillRect(0, fy, W, 2);
  ctx.fillStyle = BASE.text;
  ctx.font = font(700, 21);
  ctx.fillText(c.sourcesLabel, 56, fy + 38);
  const headW = ctx.measureText(c.sourcesLabel).width + 10;
  ctx.font = font(400, 21);
  const maxW = W - 56 - 56 - headW;
  ctx.fillText(
    fitList(c.sources, (t) => ctx.measureText(t).width <= maxW, c.more),
    56 + headW,
    fy + 38,
  );
  ctx.fillStyle = BASE.muted;
  ctx.font = font(400, 19);
  ctx.fillText(c.mapData, 56, fy + 72);
  ctx.restore();
}

