/** Shared by the benchmark scripts: page set-up on 127.0.0.1, frame recording, scrubbing, statistics. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renameSync, writeFileSync } from 'node:fs';
import { waitForMapIdle } from '../e2e/harness.ts';

declare global {
  interface Window {
    /** Counts setData calls on Sitmap's dated sources (installed by this benchmark). */
    __benchProbe?: { setDataCalls: number };
    /** The bare MapLibre page (bench/bare.js). */
    __bare?: { ready: boolean; map: import('maplibre-gl').Map; show: (date: string) => Promise<{ idle: number; drawn: number }> };
  }
}

export const VIEWPORT = { width: 800, height: 600 };

export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
export function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}
export const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
export const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

export const outside: string[] = [];
export const pageErrors: string[] = [];

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'no-preference' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(data|blob):/.test(url) || /^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  // tsx (esbuild keepNames) wraps named functions inside page.evaluate callbacks in __name().
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${page.url()}: console: ${m.text()}`);
  });
  return { context, page };
}

/** Opens Sitmap on a date, waits for the map's idle, and counts setData calls on its dated sources. */
export async function openSitmap(browser: Browser, base: string, path: string, date: string) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}${path}#date=${date}`);
  await waitForMapIdle(page, 180_000);
  await page.evaluate(() => {
    const map = window.__sitmapMap!;
    const probe = { setDataCalls: 0 };
    window.__benchProbe = probe;
    for (const id of ['sitmap-movements', 'sitmap-positions']) {
      const src = map.getSource(id) as unknown as { setData: (d: unknown) => unknown } | undefined;
      if (!src) continue;
      const original = src.setData.bind(src);
      src.setData = (d: unknown) => {
        probe.setDataCalls++;
        return original(d);
      };
    }
  });
  return { context, page };
}

/**
 * Sets the date through the URL hash (as a shared link or Back/Forward does) and times it to the
 * map's next `idle` after React has committed the new date. `commit` is the time until that commit
 * (React + the app's derive work + the setData/setFilter calls, all on the main thread).
 */
export interface ScrubTiming {
  /** Date set → the map's next `idle` (MapLibre has issued the last frame of the new state). */
  total: number;
  /** Date set → `idle` and then a 1-pixel `gl.readPixels` returned: the GPU (SwiftShader) has drawn it (Chromium's `gl.finish()` does not wait). */
  drawn: number;
  /** Date set → React committed the new date (Sitmap only). */
  commit?: number;
  setData?: boolean;
}

export function scrubSitmap(page: Page, date: string, timeout = 180_000): Promise<ScrubTiming> {
  return page.evaluate(
    ({ date, timeout }) =>
      new Promise<ScrubTiming>((resolve, reject) => {
        const map = window.__sitmapMap!;
        const probe = window.__benchProbe!;
        const asOf = document.querySelector('.as-of')!;
        if (asOf.getAttribute('data-date') === date) return reject(new Error(`already showing ${date}`));
        const before = probe.setDataCalls;
        const timer = setTimeout(() => reject(new Error(`no idle within ${timeout} ms after scrubbing to ${date}`)), timeout);
        let t0 = 0;
        const observer = new MutationObserver(() => {
          if (asOf.getAttribute('data-date') !== date) return;
          observer.disconnect();
          const commit = performance.now() - t0;
          map.once('idle', () => {
            clearTimeout(timer);
            const total = performance.now() - t0;
            const gl = map.getCanvas().getContext('webgl2');
            gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); // waits for the GPU; finish() does not in Chromium
            resolve({ total, drawn: performance.now() - t0, commit, setData: probe.setDataCalls > before });
          });
          map.triggerRepaint();
        });
        observer.observe(asOf, { attributes: true, attributeFilter: ['data-date'] });
        t0 = performance.now();
        location.hash = `#date=${date}`;
      }),
    { date, timeout },
  );
}

export type Mode = 'ceiling' | 'playback';
export interface FrameRecord {
  renders: number[];
  rafs: number[];
  startDate: string | null;
  endDate: string | null;
  elapsed: number;
}

/**
 * Records the timestamps of the map's `render` events for `ms`, or longer (up to `capMs`) until
 * at least `minFrames` frame intervals were seen, so a very slow condition still yields figures.
 * Ceiling: a page-side rAF loop calls map.triggerRepaint() every frame. Playback: clicks Play (the
 * app's own rAF loop drives the map), then Pause at the end.
 */
export function recordFrames(page: Page, mode: Mode, ms: number, minFrames: number, capMs = 90_000): Promise<FrameRecord> {
  return page.evaluate(
    ({ mode, ms, minFrames, capMs }) =>
      new Promise<FrameRecord>((resolve) => {
        const map = window.__sitmapMap!;
        const renders: number[] = [];
        const rafs: number[] = [];
        const startDate = document.querySelector('.as-of')?.getAttribute('data-date') ?? null;
        let running = true;
        const t0 = performance.now();
        const finish = () => {
          if (!running) return;
          running = false;
          if (mode === 'playback') document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')?.click();
          map.off('render', onRender);
          clearInterval(timer);
          resolve({ renders, rafs, startDate, endDate: document.querySelector('.as-of')?.getAttribute('data-date') ?? null, elapsed: performance.now() - t0 });
        };
        const check = () => {
          const elapsed = performance.now() - t0;
          if ((elapsed >= ms && renders.length > minFrames) || elapsed >= capMs) finish();
        };
        const onRender = () => {
          renders.push(performance.now());
          check();
        };
        map.on('render', onRender);
        const timer = setInterval(check, 50);
        const loop = (t: number) => {
          if (!running) return;
          rafs.push(t);
          if (mode === 'ceiling') map.triggerRepaint();
          requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
        if (mode === 'playback') document.querySelector<HTMLButtonElement>('button[aria-label="Play"]')!.click();
      }),
    { mode, ms, minFrames, capMs },
  );
}

export const deltas = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);

/**
 * Waits until the GPU process has executed everything this page's map has sent it. The GPU process
 * (SwiftShader) is shared by every page of the browser and runs a frame after MapLibre issued it,
 * so without this a slow frame of one condition would be paid by the next one measured.
 */
export async function drainGpu(page: Page): Promise<void> {
  await page.evaluate(() => {
    const gl = (window.__sitmapMap ?? window.__bare?.map)?.getCanvas().getContext('webgl2');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  });
}

/**
 * Checks or unchecks the legend's "Movements" box with a DOM click (Playwright's own click waits
 * for the element to be stable over animation frames, which can take minutes when a frame takes
 * seconds), then waits for the map's idle.
 */
export async function setMovements(page: Page, on: boolean) {
  await page.evaluate((on) => {
    const box = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((b) => b.closest('label')?.textContent?.trim() === 'Movements');
    if (!box) throw new Error('no "Movements" checkbox in the legend');
    if (box.checked !== on) box.click();
  }, on);
  await waitForMapIdle(page, 300_000);
}

/** Selects a playback speed (days per second) in the "Playback speed" box, without waiting for animation frames. */
export async function setSpeed(page: Page, speed: string) {
  const select = page.getByRole('combobox', { name: 'Playback speed' });
  if ((await select.inputValue()) === speed) return;
  await select.selectOption(speed, { force: true, timeout: 300_000 });
}

/** Writes a file through a temporary name, so a concurrent reader never sees half of it. */
export function writeAtomic(file: string, text: string) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export function log(msg: string) {
  process.stderr.write(`${msg}\n`);
}
