import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.ts';
import { PRESENTATION_ALLOWANCE_MS } from '../src/lib/after-paint.ts';
import { actorLabels, placeLabels, positionLabels } from '../src/map/layers/scenario-layers.ts';
import { PANEL_KEEPOUT_SOURCE, panelKeepout } from '../src/map/panel-keepouts.ts';
import { EDGE_GAP } from '../src/lib/view-frame.ts';

const root = join(import.meta.dirname, '..');
export const ARTIFACTS = join(root, 'e2e', 'artifacts');

/** Launch flags for Debian's Chromium with software WebGL2, kept off every outside host. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Debian's Chromium with the flags above; `extraArgs` for diagnosis (e.g. a V8 flag in a benchmark). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Serves the built app (dist/) and the browser-test fixtures on 127.0.0.1. */
export function serveApp() {
  return startServer({ root: join(root, 'dist'), mounts: { '/e2e-fixtures/': join(root, 'e2e', 'fixtures') } });
}

export interface Guarded {
  page: Page;
  /** Fails the test if the page asked for anything outside 127.0.0.1, threw, or broke the CSP. */
  assertClean: () => Promise<void>;
  close: () => Promise<void>;
}

export interface GuardOptions extends BrowserContextOptions {
  /** Further URLs the page may load (e.g. the single-file build's own file:// URL). */
  allow?: (url: string) => boolean;
}

/**
 * A fresh page in its own context, with guards: every request outside 127.0.0.1 (and `allow`)
 * is recorded (and aborted), as are page errors, console errors, MapLibre's warning of an image
 * missing, and CSP violations.
 */
export async function guardedPage(browser: Browser, { allow, ...options }: GuardOptions = {}): Promise<Guarded> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(data|blob):/.test(url) || /^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url) || allow?.(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
    // MapLibre's word that a layer asked for an image the app had not given it in time.
    if (m.type() === 'warning' && /^Image ".*" could not be loaded/.test(m.text())) errors.push(`console warning: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    page,
    assertClean: async () => {
      const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
      const problems = [
        ...outside.map((u) => `request outside 127.0.0.1: ${u}`),
        ...errors,
        ...csp.map((v) => `CSP violation: ${v}`),
      ];
      if (problems.length) throw new Error(problems.join('\n'));
    },
    close: () => context.close(),
  };
}

/**
 * Resolves on the map's next `idle` event (after a forced repaint), never on a timer. Gives up
 * after `timeout` ms with an error, so a map that never settles fails the test instead of hanging.
 * It first lets the page paint once: the map applies hover and selection after the frame that
 * answers the input (src/lib/after-paint.ts), and that work was queued before this wait.
 * With `drainGpu` (benchmarks), it then reads one pixel back, which waits until SwiftShader has
 * drawn the frame (`gl.finish()` does not wait in Chromium).
 */
export async function waitForMapIdle(page: Page, timeout = 45_000, { drainGpu = false } = {}): Promise<void> {
  await page.waitForFunction(() => !!window.__sitmapMap, null, { timeout });
  await page.evaluate(
    ({ ms, after, drain }) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__sitmapMap!;
        // On a timeout, say what the map was waiting for (a future flake then names its cause).
        // (No named local functions here: tsx would wrap them in a helper the page lacks.)
        const timer = setTimeout(() => {
          let why: string;
          try {
            const style = map.style as unknown as { tileManagers?: Record<string, { loaded(): boolean }> } | undefined;
            const loading = Object.entries(style?.tileManagers ?? {}).filter(([, c]) => !c.loaded()).map(([id]) => id);
            const gl = map.getCanvas().getContext('webgl2');
            why = `loaded ${map.loaded()}, style loaded ${!!map.style && map.isStyleLoaded()}, tiles loaded ${map.areTilesLoaded()}, moving ${map.isMoving()}, context lost ${gl?.isContextLost() ?? 'no context'}, sources loading: ${loading.join(', ') || 'none'}`;
          } catch (e) {
            why = `state unreadable: ${(e as Error).message}`;
          }
          reject(new Error(`the map did not become idle within ${ms} ms (${why})`));
        }, ms);
        // After the work the app queued for after the input's frame (src/lib/after-paint.ts:
        // a requestAnimationFrame, then up to PRESENTATION_ALLOWANCE_MS): timers of equal delay
        // run in the order they were set, so this one runs after the app's.
        requestAnimationFrame(() =>
          setTimeout(() => {
            map.once('idle', () => {
              clearTimeout(timer);
              if (drain) {
                const gl = map.getCanvas().getContext('webgl2');
                gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
              }
              resolve();
            });
            map.triggerRepaint();
          }, after),
        );
      }),
    { ms: timeout, after: PRESENTATION_ALLOWANCE_MS, drain: drainGpu },
  );
}

/**
 * Waits until the URL's hash is `want` (a string) or matches it (a RegExp). The app writes the URL
 * a frame after the input it follows (src/app/use-hash-sync.ts). Fails with the hash it found.
 */
export async function waitForHash(page: Page, want: string | RegExp, timeout = 5_000): Promise<void> {
  const src = typeof want === 'string' ? { s: want } : { re: want.source, flags: want.flags };
  try {
    await page.waitForFunction((w) => ('s' in w ? location.hash === w.s : new RegExp(w.re!, w.flags).test(location.hash)), src, { timeout });
  } catch {
    throw new Error(`the URL's hash is ${JSON.stringify(await page.evaluate(() => location.hash))}, expected ${String(want)}`);
  }
}

/** How many features of these layers are drawn in the current view. */
export function renderedCount(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((ids) => {
    const map = window.__sitmapMap!;
    return map.queryRenderedFeatures({ layers: ids.filter((id) => map.getLayer(id)) }).length;
  }, layers);
}

/** Screen position (page coordinates) of a longitude/latitude on the map canvas. */
export async function pointOnMap(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.__sitmapMap!;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

/**
 * The point features of these layers drawn in the current view (markers), at their page
 * coordinates, with their name and whether the map is what shows there (`open`: no panel over it).
 */
export function markersOnScreen(page: Page, layers: string[]): Promise<Array<{ id: string; name: string; x: number; y: number; open: boolean }>> {
  return page.evaluate((ids) => {
    const map = window.__sitmapMap!;
    const box = map.getCanvas().getBoundingClientRect();
    return map.queryRenderedFeatures({ layers: ids.filter((id) => map.getLayer(id)) }).map((f) => {
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const [x, y] = [box.left + p.x, box.top + p.y];
      return { id: String(f.properties.id), name: String(f.properties.name), x, y, open: document.elementFromPoint(x, y) === map.getCanvas() };
    });
  }, layers);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/**
 * Registers before/after hooks for one test file: one browser and one loopback server for the
 * file, a fresh guarded page (own context) for each test. The guards are checked after every
 * test body, so a test fails on a stray request, page error or CSP violation even if its own
 * assertions passed.
 */
export function browserSuite() {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveApp()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: (path = '/') => server.url + path,
    withPage: async (fn: (g: Guarded) => Promise<void>, options?: BrowserContextOptions) => {
      const g = await guardedPage(browser, options);
      try {
        await fn(g);
        await g.assertClean();
      } finally {
        await g.close();
      }
    },
  };
}

/**
 * Labels drawn over a marker in the current view: for every actor marker, troop position marker
 * and place dot drawn, the labels whose placed box (MapLibre's collision box, padding included)
 * meets the marker's square at rest (radius + stroke, default theme). As the layer order of
 * src/map/layers/scenario-style.ts has it: actor labels may cover troop markers and place dots
 * (names first in a crowded view), troop position labels place dots; nothing else may.
 */
export function labelsOverMarkers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__sitmapMap!;
    const rules: Array<[string, number, string[]]> = [
      ['actor-markers', 9 + 2, ['actor-labels', 'position-labels', 'place-labels']],
      ['position-markers', 7 + 1.5, ['position-labels', 'place-labels']],
      ['place-dots', 3.5, ['place-labels']],
    ];
    const out: string[] = [];
    for (const [markers, r, labels] of rules) {
      for (const f of map.queryRenderedFeatures({ layers: [markers] })) {
        if (f.geometry.type !== 'Point') continue;
        const p = map.project(f.geometry.coordinates as [number, number]);
        for (const hit of map.queryRenderedFeatures(
          [
            [p.x - r, p.y - r],
            [p.x + r, p.y + r],
          ],
          { layers: labels },
        )) {
          out.push(`${hit.layer.id} ${String(hit.properties.id)} over ${markers} ${String(f.properties.id)}`);
        }
      }
    }
    return [...new Set(out)].sort();
  });
}

/** The map's label layers (their ids from the product's layers, so a renamed one is not silently skipped). */
export const LABEL_LAYERS = [actorLabels.id, positionLabels.id, placeLabels.id];

/**
 * Where the map's labels are drawn: for each label placed, "layer:id@x0,y0,x1,y1", its box to
 * 4 px (the columns and rows of 4 px across the map that meet its placed box, MapLibre's
 * collision box), sorted. Two views with the same labels on the same sides give the same list.
 */
export function labelLayout(page: Page): Promise<string[]> {
  return page.evaluate((labelLayers) => {
    const map = window.__sitmapMap!;
    const layers = labelLayers.filter((l) => map.getLayer(l));
    const { width: W, height: H } = map.getContainer().getBoundingClientRect();
    const boxes = new Map<string, [number, number, number, number]>();
    const step = 4;
    for (let x = 0; x < W; x += step) {
      for (const f of map.queryRenderedFeatures([[x, 0], [x + step, H]], { layers })) {
        const key = `${f.layer.id}:${String(f.properties.id)}`;
        const b = boxes.get(key) ?? [Infinity, Infinity, -Infinity, -Infinity];
        boxes.set(key, [Math.min(b[0], x), b[1], Math.max(b[2], x + step), b[3]]);
      }
    }
    for (let y = 0; y < H; y += step) {
      for (const f of map.queryRenderedFeatures([[0, y], [W, y + step]], { layers })) {
        const b = boxes.get(`${f.layer.id}:${String(f.properties.id)}`);
        if (b) [b[1], b[3]] = [Math.min(b[1], y), Math.max(b[3], y + step)];
      }
    }
    return [...boxes].map(([key, b]) => `${key}@${b.join(',')}`).sort();
  }, LABEL_LAYERS);
}

/**
 * Waits until the map keeps its labels from under the panels over it (src/map/panel-keepouts.ts,
 * loaded once the map is first idle), then for the map's idle, by which the labels are placed.
 */
export async function waitForLabelKeepouts(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction((source) => !!window.__sitmapMap?.getSource(source), PANEL_KEEPOUT_SOURCE, { timeout });
  await waitForMapIdle(page, timeout);
}

/**
 * Labels cut off at the edge of a panel laid over the map (`data-hides-labels`: the details
 * panel; while presenting the caption, legend and date): for each panel, the labels whose placed
 * box (MapLibre's collision box) crosses one of its edges that lie on the map. (A label wholly
 * under a panel, with its marker, is hidden there, not cut.) Each as "layer id across panel".
 */
export function labelsAcrossPanels(page: Page): Promise<string[]> {
  return page.evaluate((labelLayers) => {
    const map = window.__sitmapMap!;
    const layers = labelLayers.filter((l) => map.getLayer(l));
    const box = map.getContainer().getBoundingClientRect();
    const out: string[] = [];
    for (const el of document.querySelectorAll('[data-hides-labels]')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const x0 = Math.max(0, r.left - box.left);
      const x1 = Math.min(box.width, r.right - box.left);
      const y0 = Math.max(0, r.top - box.top);
      const y1 = Math.min(box.height, r.bottom - box.top);
      const lines: Array<[[number, number], [number, number]]> = [];
      if (x0 > 0.5) lines.push([[x0 - 0.5, y0], [x0 + 0.5, y1]]);
      if (x1 < box.width - 0.5) lines.push([[x1 - 0.5, y0], [x1 + 0.5, y1]]);
      if (y0 > 0.5) lines.push([[x0, y0 - 0.5], [x1, y0 + 0.5]]);
      if (y1 < box.height - 0.5) lines.push([[x0, y1 - 0.5], [x1, y1 + 0.5]]);
      const panel = el.getAttribute('data-covers-map') ?? el.className;
      for (const line of lines) {
        for (const f of map.queryRenderedFeatures(line, { layers })) out.push(`${f.layer.id} ${String(f.properties.id)} across ${panel}`);
      }
    }
    return [...new Set(out)].sort();
  }, LABEL_LAYERS);
}

/**
 * Places on the clear map (under no panel) where a panel keep-out lies, which would keep labels
 * off it: MapLibre draws each keep-out icon in every world copy, so a square placed for a panel
 * can come back one world away. A grid of 16 px cells over the map, each wholly clear of the
 * panels, queried for the keep-out layer; each hit as "x,y". (Less the `EDGE_GAP` px along the
 * map's own edges, which the edge squares reach onto on purpose.)
 */
export function keepoutsOnClearMap(page: Page): Promise<string[]> {
  return page.evaluate(({ layer, gap }) => {
    const map = window.__sitmapMap!;
    if (!map.getLayer(layer)) return [];
    const box = map.getContainer().getBoundingClientRect();
    const panels = [...document.querySelectorAll('[data-hides-labels]')].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    const out: string[] = [];
    const cell = 16;
    for (let x = 0; x + cell <= box.width; x += cell) {
      for (let y = 0; y + cell <= box.height; y += cell) {
        // Cells within 1 px of a panel count as under it (the keep-outs line its edges from inside).
        const under = panels.some((r) => x + cell > r.left - box.left - 1 && x < r.right - box.left + 1 && y + cell > r.top - box.top - 1 && y < r.bottom - box.top + 1);
        if (under) continue;
        // The squares along the map's own edges reach `gap` px onto it, on purpose (EDGE_GAP).
        const [x0, y0] = [Math.max(x + 1, gap + 0.5), Math.max(y + 1, gap + 0.5)];
        const [x1, y1] = [Math.min(x + cell - 1, box.width - gap - 0.5), Math.min(y + cell - 1, box.height - gap - 0.5)];
        if (map.queryRenderedFeatures([[x0, y0], [x1, y1]], { layers: [layer] }).length) out.push(`${x},${y}`);
      }
    }
    return out;
  }, { layer: panelKeepout.id, gap: EDGE_GAP });
}

/**
 * Labels drawn across an edge of the map, cut off there: each as "layer id off side". Where a
 * panel lies over that part of the edge, a label crossing it is hidden under the panel, not cut
 * (and one reaching out from under it is caught by `labelsAcrossPanels`), so the edge is checked
 * in 8 px pieces and those under a panel are skipped.
 */
export function labelsOffEdges(page: Page): Promise<string[]> {
  return page.evaluate((labelLayers) => {
    const map = window.__sitmapMap!;
    const layers = labelLayers.filter((l) => map.getLayer(l));
    const box = map.getContainer().getBoundingClientRect();
    const { width: W, height: H } = box;
    const panels = [...document.querySelectorAll('[data-hides-labels]')].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    const out: string[] = [];
    const piece = 8;
    // Each piece: its side, the point at its middle on the edge, and the strip to query.
    const pieces: Array<[string, number, number, [[number, number], [number, number]]]> = [];
    for (let y = 0; y < H; y += piece) {
      const mid = Math.min(H, y + piece / 2);
      pieces.push(['left', 0, mid, [[-1, y], [0.5, Math.min(H, y + piece)]]], ['right', W, mid, [[W - 0.5, y], [W + 1, Math.min(H, y + piece)]]]);
    }
    for (let x = 0; x < W; x += piece) {
      const mid = Math.min(W, x + piece / 2);
      pieces.push(['top', mid, 0, [[x, -1], [Math.min(W, x + piece), 0.5]]], ['bottom', mid, H, [[x, H - 0.5], [Math.min(W, x + piece), H + 1]]]);
    }
    for (const [side, px, py, strip] of pieces) {
      if (panels.some((r) => px >= r.left - box.left && px <= r.right - box.left && py >= r.top - box.top && py <= r.bottom - box.top)) continue;
      for (const f of map.queryRenderedFeatures(strip, { layers })) out.push(`${f.layer.id} ${String(f.properties.id)} off ${side}`);
    }
    return [...new Set(out)].sort();
  }, LABEL_LAYERS);
}

/** Ids of the features of these layers drawn in the current view, sorted and unique. */
export function renderedIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const map = window.__sitmapMap!;
    const found = map
      .queryRenderedFeatures({ layers: ids.filter((id) => map.getLayer(id)) })
      .map((f) => String(f.properties.id ?? f.properties.__sitmapId));
    return [...new Set(found)].sort();
  }, layers);
}

/**
 * The colours (r, g, b) on screen in a square of side 2·radius + 1 around each point (viewport
 * CSS pixels), from one screenshot of the page, decoded in the page.
 */
export async function screenPixels(page: Page, points: Array<{ x: number; y: number }>, radius = 0): Promise<number[][][]> {
  const png = await page.screenshot();
  return page.evaluate(
    async ({ b64, points, radius }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return points.map((p) => {
        const side = 2 * radius + 1;
        const d = ctx.getImageData(Math.round(p.x) - radius, Math.round(p.y) - radius, side, side).data;
        const out: number[][] = [];
        for (let k = 0; k < d.length; k += 4) out.push([d[k]!, d[k + 1]!, d[k + 2]!]);
        return out;
      });
    },
    { b64: png.toString('base64'), points, radius },
  );
}
