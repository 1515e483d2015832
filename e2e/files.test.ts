import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite, guardedPage, renderedCount, renderedIds, screenshot, waitForMapIdle, pointOnMap, CHROMIUM_ARGS } from './harness.ts';
import { chromium, type Page } from 'playwright-core';

const { url, withPage } = browserSuite();
const fixtures = join(import.meta.dirname, 'fixtures');
const kursk = readFileSync(join(import.meta.dirname, '../data/scenarios/kursk-2024/scenario.json'), 'utf8');

/**
 * Loses the map's WebGL context and lets the loss settle for a frame (restoring within the same
 * task is refused by Chromium). The extension that restores it is left as `window.__loseContext`.
 */
function loseMapContext(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const map = window.__sitmapMap!;
    const ext = map.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
    await new Promise<void>((resolve) => {
      map.once('webglcontextlost', () => resolve());
      ext.loseContext();
    });
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  });
}

describe('Scenario files and overlays', () => {
  it('opening an invalid scenario lists its problems and keeps the scenario on screen', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=north-korea'));
      await waitForMapIdle(page);
      const markers = await renderedCount(page, ['actor-markers']);
      const broken = JSON.parse(kursk);
      broken.actors[0].color = 'blue';
      broken.claims[3].sourceIds = ['kbs-18855'];
      broken.sources[2].url = 'javascript:alert(1)';
      await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      const text = await dialog.innerText();
      assert.match(text, /Could not open broken\.json/);
      assert.match(text, /\$\.actors\[0\]\.color\s+must be a colour written #rrggbb/, text);
      assert.match(text, /\$\.sources\[2\]\.url\s+must be an absolute http:\/\/ or https:\/\/ URL/);
      // The scenario and the selection are untouched.
      await page.getByRole('complementary').getByRole('heading', { name: 'North Korea' }).waitFor();
      assert.equal(await renderedCount(page, ['actor-markers']), markers);
      await screenshot(page, 'files-invalid-1280x720');
      await page.keyboard.press('Escape');
      assert.equal(await dialog.count(), 0);
    });
  });

  it('exports the scenario and opens the exported file again unchanged', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()]);
      assert.equal(download.suggestedFilename(), 'kursk-2024.json');
      const dir = mkdtempSync(join(tmpdir(), 'sitmap-'));
      const file = join(dir, 'exported.json');
      await download.saveAs(file);
      const exported = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(exported, JSON.parse(kursk));
      // Change the title so the opened file is recognisably the new one, then open it.
      exported.title = 'Re-opened export';
      writeFileSync(file, JSON.stringify(exported));
      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByRole('heading', { name: /Re-opened export/ }).waitFor();
      await waitForMapIdle(page);
      assert.ok((await renderedCount(page, ['actor-markers'])) >= 5);
    });
  });

  it('a GeoJSON and a KML overlay: drawn, in the legend with their file names, toggled, and detailed with their properties', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      await page.getByRole('button', { name: 'Kursk', exact: true }).click();
      await page.locator('input[type=file]').setInputFiles([join(fixtures, 'front-line.geojson'), join(fixtures, 'sites.kml')]);
      await page.getByRole('checkbox', { name: /front-line\.geojson/ }).waitFor();
      await page.getByRole('checkbox', { name: /sites\.kml/ }).waitFor();
      await waitForMapIdle(page);
      const ids = await renderedIds(page, ['overlay-overlay-0-line', 'overlay-overlay-0-fill', 'overlay-overlay-1-line', 'overlay-overlay-1-point']);
      assert.ok(ids.includes('0-0') && ids.includes('0-1'), `GeoJSON features drawn: ${ids}`);
      assert.ok(ids.includes('1-0') && ids.includes('1-1'), `KML features drawn: ${ids}`);
      const attribution = await page.locator('.maplibregl-ctrl-attrib').innerText();
      assert.match(attribution, /front-line\.geojson/);
      await screenshot(page, 'files-overlays-1280x720');

      // Click the sketched front line: its properties, as text.
      await page.getByRole('checkbox', { name: 'Troop positions' }).uncheck();
      await page.getByRole('checkbox', { name: 'Places' }).uncheck();
      await page.getByRole('checkbox', { name: /sites\.kml/ }).uncheck();
      await waitForMapIdle(page);
      const { x, y } = await pointOnMap(page, [35.35, 51.3]);
      await page.mouse.click(x, y);
      const panel = page.getByRole('complementary');
      await panel.getByRole('heading', { name: 'Sketched front line' }).waitFor();
      const text = await panel.innerText();
      assert.match(text, /From the file front-line\.geojson/);
      assert.match(text, /drawn_by\s+analyst/);
      assert.match(text, /<b>not bold<\/b> — شمال 北 🚩/, 'HTML in properties shown as text');
      assert.equal(await panel.locator('b').count(), 0);

      assert.equal((await renderedIds(page, ['overlay-overlay-1-point'])).length, 0, 'the KML overlay is switched off');
      await page.getByRole('button', { name: 'Remove overlay front-line.geojson' }).click();
      await waitForMapIdle(page);
      assert.equal((await renderedIds(page, ['overlay-overlay-0-line'])).length, 0, 'removed');
    });
  });

  it('dropping a file on the window opens it', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const text = readFileSync(join(fixtures, 'front-line.geojson'), 'utf8');
      await page.evaluate((content) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], 'dropped-front.geojson', { type: 'application/geo+json' }));
        window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, text);
      await page.getByRole('checkbox', { name: /dropped-front\.geojson/ }).waitFor();
      await waitForMapIdle(page);
      assert.ok((await renderedIds(page, ['overlay-overlay-0-line'])).includes('0-0'));
    });
  });

  it('names in any script (RTL, CJK, emoji) and markup in data render as text', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/?scenario=/e2e-fixtures/scripts-scenario.json#relation=deploys'));
      await waitForMapIdle(page);
      const nav = page.getByRole('navigation', { name: 'Actors' });
      await nav.getByRole('button', { name: 'كوريا الشمالية', exact: true }).waitFor();
      await nav.getByRole('button', { name: '<img src=x onerror="window.__xss=1">Россия 🚀', exact: true }).waitFor();
      const panel = await page.getByRole('complementary').innerText();
      assert.match(panel, /朝鮮民主主義人民共和国 sent troops — <script>window.__xss=1<\/script>/);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'no markup from data ran');
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.ok((await renderedCount(page, ['actor-labels'])) >= 1, 'labels in other scripts drawn on the map');
      await screenshot(page, 'files-scripts-1280x720');
    });
  });
});

describe('Without WebGL, and after losing it', () => {
  it('without WebGL2 the app says so and lists, details and timeline still work', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-webgl2', '--disable-3d-apis'] });
    try {
      const g = await guardedPage(browser);
      const { page } = g;
      await page.goto(url('/#date=2024-11-05'));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /no WebGL2/);
      await page.getByRole('button', { name: 'North Korea', exact: true }).click();
      await page.getByRole('complementary').getByRole('heading', { name: 'North Korea' }).waitFor();
      // The claims follow the heading once its frame is painted (details-panel.tsx).
      await page.getByRole('complementary').getByRole('heading', { name: 'Claims and sources, as of 5 Nov 2024' }).waitFor();
      await page.getByRole('slider', { name: 'Date shown' }).focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.locator('.as-of').getAttribute('data-date'), '2024-11-06');
      await screenshot(page, 'no-webgl-1280x720');
      await g.assertClean();
      await g.close();
    } finally {
      await browser.close();
    }
  });

  it('when the WebGL context is lost, the map comes back with its layers and moving units', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-10-25'));
      await waitForMapIdle(page);
      const before = await renderedCount(page, ['actor-markers']);
      await loseMapContext(page);
      await page.evaluate(async () => {
        const map = window.__sitmapMap!;
        await new Promise<void>((resolve) => {
          map.once('webglcontextrestored', () => resolve());
          (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext();
        });
      });
      // Restoring recompiles every shader in software GL: slow on a busy machine, so a wider bound.
      await waitForMapIdle(page, 150_000);
      assert.equal(await renderedCount(page, ['actor-markers']), before, 'actor markers drawn again');
      assert.ok((await renderedCount(page, ['relation-troop-deployment'])) > 0, 'relations drawn again');
      assert.ok(await page.evaluate(() => !!window.__sitmapMap!.getLayer('moving-units')), 'moving units layer re-added');
      await screenshot(page, 'context-restored-1280x720');
    });
  });

  it('when the WebGL context is lost while the map first loads, the map still comes up whole', async () => {
    await withPage(async ({ page }) => {
      // Lost as soon as the map's canvas has its context, and restored 200 ms later. Animation
      // frames are held back until the loss: MapLibre loads a style in the frame after it is set,
      // and the loss must come before that (MapLibre keeps no copy of a style still loading).
      await page.addInitScript(() => {
        const w = window as unknown as { __lostAtStart: string[] };
        w.__lostAtStart = [];
        const raf = window.requestAnimationFrame.bind(window);
        const caf = window.cancelAnimationFrame.bind(window);
        let held: Map<number, FrameRequestCallback> | null = new Map();
        let ids = 0;
        window.requestAnimationFrame = (cb) => {
          if (!held) return raf(cb);
          held.set(--ids, cb);
          return ids;
        };
        window.cancelAnimationFrame = (id) => (id < 0 ? held?.delete(id) : caf(id));
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          const gl = (getContext as (t: string, ...r: unknown[]) => RenderingContext | null).call(this, type, ...rest);
          if (type === 'webgl2' && gl && this.classList.contains('maplibregl-canvas') && !w.__lostAtStart.length) {
            const ext = (gl as WebGL2RenderingContext).getExtension('WEBGL_lose_context')!;
            w.__lostAtStart.push('created');
            this.addEventListener('webglcontextlost', () => {
              w.__lostAtStart.push(`lost with ${held?.size ?? 0} frames held`);
              const frames = [...(held?.values() ?? [])];
              held = null;
              for (const cb of frames) raf(cb);
              setTimeout(() => ext.restoreContext(), 200);
            });
            this.addEventListener('webglcontextrestored', () => w.__lostAtStart.push('restored'));
            ext.loseContext();
          }
          return gl;
        } as typeof getContext;
      });
      await page.goto(url('/#date=2024-10-25'));
      await waitForMapIdle(page, 150_000);
      const log = await page.evaluate(() => (window as unknown as { __lostAtStart: string[] }).__lostAtStart);
      assert.equal(log.length, 3, log.join(', '));
      assert.match(log.join(', '), /^created, lost with [1-9]\d* frames held, restored$/);
      assert.equal(await renderedCount(page, ['actor-markers']), 5, 'actor markers drawn');
      assert.ok((await renderedCount(page, ['relation-troop-deployment'])) > 0, 'relations drawn');
      assert.ok(await page.evaluate(() => !!window.__sitmapMap!.getLayer('moving-units')), 'moving units layer added');
      await screenshot(page, 'context-lost-at-start-1280x720');
    });
  });

  it('when the context is lost again while the restored map loads, and the selection and date change meanwhile, the map comes back and shows them', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=north-korea&date=2024-10-25'));
      await waitForMapIdle(page);
      // An overlay file the user loaded: not part of the scenario's layers, added by React.
      await page.locator('input[type=file]').setInputFiles(join(fixtures, 'front-line.geojson'));
      await page.getByRole('checkbox', { name: /front-line\.geojson/ }).waitFor();
      await waitForMapIdle(page);
      const before = await renderedIds(page, ['actor-markers']);
      const stack = () => page.evaluate(() => window.__sitmapMap!.getStyle().layers.map((l) => l.id));
      const stackBefore = await stack();
      assert.ok(stackBefore.includes('overlay-overlay-0-line'), 'set-up: the overlay is drawn');
      const dayBefore = await page.evaluate(() => window.__sitmapMap!.getGlobalState().day as number);
      // Lost, restored, and lost again at once: MapLibre reloads the style from a copy taken at a
      // loss, and takes none of a style still loading.
      await loseMapContext(page);
      const second = await page.evaluate(async () => {
        const map = window.__sitmapMap!;
        const ext = (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext;
        return new Promise<string>((resolve) => {
          map.once('webglcontextrestored', () => {
            const loading = map.style && !map.style._loaded ? 'loading' : 'loaded';
            // Extensions belong to the context they came from: the restored one's.
            const again = map.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
            (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = again;
            map.once('webglcontextlost', () => resolve(loading));
            again.loseContext();
          });
          ext.restoreContext();
        });
      });
      assert.equal(second, 'loading', 'the second loss came while the restored style was loading');
      // While the context is lost: another selection (in view: the camera stays) and another day.
      // The panel shows them; the map cannot yet.
      await page.evaluate(() => {
        location.hash = '#actor=china&date=2024-12-20';
      });
      await page.getByRole('complementary').getByRole('heading', { name: 'China' }).waitFor();
      const restored = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const map = window.__sitmapMap!;
            const timer = setTimeout(() => resolve('no webglcontextrestored event within 60 s'), 60_000);
            map.once('webglcontextrestored', () => {
              clearTimeout(timer);
              resolve(map.style ? 'with a style' : 'without a style');
            });
            (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext();
          }),
      );
      assert.equal(restored, 'with a style');
      await waitForMapIdle(page, 150_000);
      await screenshot(page, 'context-restored-twice-1280x720');
      assert.deepEqual(await renderedIds(page, ['actor-markers']), before, 'actor markers drawn again');
      assert.ok((await renderedCount(page, ['relation-troop-deployment'])) > 0, 'relations drawn again');
      assert.ok(await page.evaluate(() => !!window.__sitmapMap!.getLayer('moving-units')), 'moving units layer re-added');
      const selected = await page.evaluate(() =>
        ['north-korea', 'china'].map((id) => !!window.__sitmapMap!.getFeatureState({ source: 'sitmap-actors', id }).selected),
      );
      assert.deepEqual(selected, [false, true], 'the selection made while the context was lost, on the map');
      // The whole layer stack as before, in the same order (labels are placed in it), with the
      // overlay's features.
      assert.deepEqual(await stack(), stackBefore, 'the same layers in the same order');
      const overlayFeatures = await page.evaluate(async () => {
        const source = window.__sitmapMap!.getSource('overlay-overlay-0') as import('maplibre-gl').GeoJSONSource | undefined;
        return source ? ((await source.getData()) as GeoJSON.FeatureCollection).features.length : -1;
      });
      const want = (JSON.parse(readFileSync(join(fixtures, 'front-line.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features.length;
      assert.equal(overlayFeatures, want, "the overlay's features");
      const day = await page.evaluate(() => window.__sitmapMap!.getGlobalState().day as number);
      assert.ok(day > dayBefore, `the day set while the context was lost, on the map (${dayBefore} -> ${day})`);
    });
  });
});


