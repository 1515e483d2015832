import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserSuite, labelsAcrossPanels, screenshot, waitForLabelKeepouts, waitForMapIdle } from './harness.ts';
import { PANEL_KEEPOUT_SOURCE } from '../src/map/panel-keepouts.ts';

const { url, withPage } = browserSuite();

type LText = string | { en: string; de?: string };
const en = (t: LText) => (typeof t === 'string' ? t : t.en);
const file = JSON.parse(readFileSync(join(import.meta.dirname, '../data/scenarios/kursk-2024/scenario.json'), 'utf8'));
const briefing = (file.briefings as Array<{ id: string; steps: Array<{ id: string; title: LText; claimIds?: string[] }> }>).find((b) => b.id === 'kursk')!;
const claims = new Map<string, { sourceIds: string[] }>(file.claims.map((c: { id: string; sourceIds: string[] }) => [c.id, c]));
const sources = new Map<string, { url?: string }>(file.sources.map((s: { id: string; url?: string }) => [s.id, s]));
const urlsOf = (claimIds: string[] = []) => [...new Set(claimIds.flatMap((id) => claims.get(id)!.sourceIds.flatMap((s) => (sources.get(s)!.url ? [sources.get(s)!.url!] : []))))];

/** The view a user would lose: camera, and selection and date as the URL holds them. */
function viewOf(page: Page) {
  return page.evaluate(() => {
    const map = window.__sitmapMap!;
    const c = map.getCenter();
    const canvas = map.getCanvas();
    return {
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      hash: location.hash,
      canvas: [canvas.width, canvas.height, canvas.clientWidth, canvas.clientHeight],
      asOf: document.querySelector('.as-of')?.textContent ?? '',
    };
  });
}
type View = Awaited<ReturnType<typeof viewOf>>;

function assertSameView(got: View, want: View) {
  assert.ok(Math.abs(got.center[0] - want.center[0]) < 1e-6 && Math.abs(got.center[1] - want.center[1]) < 1e-6, `centre ${got.center} vs ${want.center}`);
  assert.ok(Math.abs(got.zoom - want.zoom) < 1e-6, `zoom ${got.zoom} vs ${want.zoom}`);
  assert.equal(got.hash, want.hash, 'selection and date (URL)');
  assert.deepEqual(got.canvas, want.canvas, 'canvas size');
  assert.equal(got.asOf, want.asOf, 'as-of date shown');
}

async function openMenu(page: Page) {
  await page.getByRole('button', { name: 'Slide & handout' }).click();
  await page.getByRole('dialog', { name: 'Slide and handout' }).waitFor();
}

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

/**
 * Pixels of colour `colour` (each channel within `tolerance`) in a region of an image: a PNG file's
 * bytes (base64), or an <img> on the page (a CSS selector), decoded in the page (a fetch would go
 * against the page's CSP).
 */
function colourCount(page: Page, image: { b64: string } | { selector: string }, colour: string, region: [number, number, number, number] | null, tolerance: number): Promise<number> {
  return page.evaluate(
    async ({ image, c, region, tolerance }) => {
      const source =
        'b64' in image
          ? await createImageBitmap(new Blob([Uint8Array.from(atob(image.b64), (ch) => ch.charCodeAt(0))], { type: 'image/png' }))
          : document.querySelector<HTMLImageElement>(image.selector)!;
      const width = 'naturalWidth' in source ? source.naturalWidth : source.width;
      const height = 'naturalHeight' in source ? source.naturalHeight : source.height;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const [x, y, w, h] = region ?? [0, 0, width, height];
      const d = ctx.getImageData(x, y, w, h).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - c[0]!) <= tolerance && Math.abs(d[i + 1]! - c[1]!) <= tolerance && Math.abs(d[i + 2]! - c[2]!) <= tolerance) n++;
      return n;
    },
    { image, c: hex(colour), region, tolerance },
  );
}

/**
 * The longest horizontal run of pixels of colour `colour` (each channel within 2) in a region of an
 * image (as `colourCount` takes it): a scale bar's bar is one, 60 px or more; text and map lines
 * make short ones.
 */
function longestRun(page: Page, image: { b64: string } | { selector: string }, colour: string, [x, y, w, h]: [number, number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ image, c, x, y, w, h }) => {
      const source =
        'b64' in image
          ? await createImageBitmap(new Blob([Uint8Array.from(atob(image.b64), (ch) => ch.charCodeAt(0))], { type: 'image/png' }))
          : document.querySelector<HTMLImageElement>(image.selector)!;
      const canvas = document.createElement('canvas');
      canvas.width = 'naturalWidth' in source ? source.naturalWidth : source.width;
      canvas.height = 'naturalHeight' in source ? source.naturalHeight : source.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const d = ctx.getImageData(x, y, w, h).data;
      let best = 0;
      for (let row = 0; row < h; row++) {
        let run = 0;
        for (let col = 0; col < w; col++) {
          const i = (row * w + col) * 4;
          const on = Math.abs(d[i]! - c[0]!) <= 2 && Math.abs(d[i + 1]! - c[1]!) <= 2 && Math.abs(d[i + 2]! - c[2]!) <= 2;
          run = on ? run + 1 : 0;
          best = Math.max(best, run);
        }
      }
      return best;
    },
    { image, c: hex(colour), x, y, w, h },
  );
}
/** Where a slide's scale bar goes: the lower left corner of its map (below the 132-px header, above the 92-px footer). */
const SLIDE_SCALE_CORNER: [number, number, number, number] = [0, 1080 - 92 - 130, 400, 130];
/** And a handout image's (1920×1080). */
const HANDOUT_SCALE_CORNER: [number, number, number, number] = [0, 1080 - 150, 500, 150];
/** The scale bar's colour (BASE.text). */
const SCALE_INK = '#1d232a';

describe('Slide and handout export', () => {
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`saves a 1920×1080 slide PNG with the map drawn, from a ${w}×${h} window, and leaves the view as it was`, async () => {
      await withPage(
        async ({ page }) => {
          await page.goto(url('/#date=2024-11-05&actor=north-korea'));
          await waitForMapIdle(page, 120_000);
          const before = await viewOf(page);
          await openMenu(page);
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: /Save slide/ }).click()]);
          assert.equal(download.suggestedFilename(), 'sitmap-kursk-2024-2024-11-05.png');
          const png = readFileSync((await download.path())!);
          assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
          assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1920, 1080], 'PNG size from IHDR');
          mkdirSync(ARTIFACTS, { recursive: true });
          writeFileSync(join(ARTIFACTS, `export-slide-from-${w}x${h}.png`), png);

          // Decode it in the page and count the basemap's and the overlays' colours in the map area.
          const colours = { land: hex('#f6f4ef'), water: hex('#dfe7ec'), deployment: hex('#CC3311'), alliance: hex('#009988'), header: hex('#1d232a') };
          const counts = await page.evaluate(
            async ({ b64, colours }) => {
              const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
              const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
              const canvas = document.createElement('canvas');
              canvas.width = bitmap.width;
              canvas.height = bitmap.height;
              const ctx = canvas.getContext('2d')!;
              ctx.drawImage(bitmap, 0, 0);
              // (No named helper functions in here: tsx would wrap them in a __name the page lacks.)
              const result: Record<string, Record<string, number>> = {};
              for (const [name, x, y, cw, ch] of [
                // Map area: below the 132-px header, above the 92-px footer, left of the 460-px legend.
                ['map', 0, 132, 1460, 856],
                ['header', 0, 0, 1920, 132],
              ] as const) {
                const d = ctx.getImageData(x, y, cw, ch).data;
                const out: Record<string, number> = {};
                for (const k of Object.keys(colours)) out[k] = 0;
                for (let i = 0; i < d.length; i += 4)
                  for (const [k, c] of Object.entries(colours))
                    if (Math.abs(d[i]! - c[0]!) <= 6 && Math.abs(d[i + 1]! - c[1]!) <= 6 && Math.abs(d[i + 2]! - c[2]!) <= 6) out[k]!++;
                result[name] = out;
              }
              return { map: result.map!, header: result.header!, px: 1460 * 856 };
            },
            { b64: png.toString('base64'), colours },
          );
          const { map, px } = counts;
          assert.ok(map.land! > px * 0.05, `land pixels: ${map.land}`);
          assert.ok(map.water! > px * 0.005 || map.land! > px * 0.5, `water pixels: ${map.water}`);
          assert.ok(map.deployment! + map.alliance! > 100, `overlay (relation) pixels: ${JSON.stringify(map)}`);
          assert.ok(counts.header.header! > 1920 * 132 * 0.5, 'the title band is drawn');
          // A world view: no scale bar, which would be true at one latitude only.
          const run = await longestRun(page, { b64: png.toString('base64') }, SCALE_INK, SLIDE_SCALE_CORNER);
          assert.ok(run < 40, `no scale bar on a world view's slide: a run of ${run} px`);
          await page.getByRole('dialog', { name: 'Slide and handout' }).waitFor();
          await waitForMapIdle(page, 120_000);
          assertSameView(await viewOf(page), before);
        },
        { viewport: { width: w, height: h } },
      );
    });
  }

  it('while presenting, the strip of tools offers the slide: keys in the menu stay in the menu, and the step shown stays', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#briefing=kursk&step=3'));
      await page.locator('.briefing-audience[data-settled="3"]').waitFor({ timeout: 120_000 });
      await waitForLabelKeepouts(page, 120_000);
      const before = await viewOf(page);
      // The labels keep clear of the panels on screen (src/map/panel-keepouts.ts), not on the
      // slide, which has none, and of the edges of both: each time the keep-outs are set, whether
      // the map was being drawn for the image, and how many of their squares lie on the map
      // (under a panel) and how many outside it (along its edges).
      await page.evaluate((id) => {
        const map = window.__sitmapMap!;
        const source = map.getSource(id) as unknown as { setData(d: { features: Array<{ geometry: { coordinates: [number, number] } }> }): unknown };
        const setData = source.setData.bind(source);
        const log: Array<{ capturing: boolean; onMap: number; outside: number }> = [];
        (window as unknown as { __keepouts: typeof log }).__keepouts = log;
        source.setData = (d) => {
          const { clientWidth: w, clientHeight: h } = map.getContainer();
          const onMap = d.features.filter((f) => {
            const p = map.project(f.geometry.coordinates);
            return p.x > 0 && p.x < w && p.y > 0 && p.y < h;
          }).length;
          log.push({ capturing: map.getContainer().hasAttribute('data-capturing'), onMap, outside: d.features.length - onMap });
          return setData(d);
        };
      }, PANEL_KEEPOUT_SOURCE);
      await page.locator('.briefing-tools').getByRole('button', { name: 'Slide & handout' }).click();
      await page.getByRole('dialog', { name: 'Slide and handout' }).waitFor();
      // Focus is in the menu: → and Space belong to it, not to the presentation.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('PageDown');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: /Save slide/ }).click()]);
      const png = readFileSync((await download.path())!);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1920, 1080], 'PNG size from IHDR');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'export-slide-presenting.png'), png);
      // Ukraine, whose report the step highlights, is off the slide's map: a pointer to it is
      // drawn at the map's edge, with Ukraine's colour (its marker is off the map, and its
      // territory's tint is paler).
      const yellow = await colourCount(page, { b64: png.toString('base64') }, '#F0E442', [0, 132, 1460, 856], 3);
      assert.ok(yellow > 50, `pixels of Ukraine's colour on the slide's map: ${yellow}`);
      await waitForMapIdle(page, 120_000);
      assert.equal(await page.locator('.briefing-caption').getAttribute('data-step'), '3', 'still on step 3');
      assertSameView(await viewOf(page), before);
      const log = await page.evaluate(() => (window as unknown as { __keepouts: Array<{ capturing: boolean; onMap: number; outside: number }> }).__keepouts);
      const drawing = log.filter((e) => e.capturing);
      assert.ok(drawing.length > 0 && drawing.every((e) => e.onMap === 0), `none on the slide's map: ${JSON.stringify(log)}`);
      assert.ok(drawing.at(-1)!.outside > 0, `but along its edges: ${JSON.stringify(log)}`);
      assert.ok(!log.at(-1)!.capturing && log.at(-1)!.onMap > 0, `back under the panels after: ${JSON.stringify(log)}`);
      assert.deepEqual(await labelsAcrossPanels(page), [], 'no label cut off at a panel after the export');
      // Esc in the menu closes the menu only; the next Esc leaves presenting.
      await page.getByRole('button', { name: /Save slide/ }).focus();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Slide and handout' }).waitFor({ state: 'detached' });
      assert.equal(await page.locator('.briefing-audience').count(), 1, 'still presenting');
      await page.keyboard.press('Escape');
      await page.locator('.briefing-audience').waitFor({ state: 'detached' });
    });
  });

  it('prints a handout with one page per step of the Kursk briefing, citations in full, and restores the view', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-10-28&actor=north-korea'));
      await waitForMapIdle(page, 120_000);
      await page.getByRole('button', { name: 'Russian Far East' }).click();
      await page.getByRole('checkbox', { name: 'Places' }).uncheck();
      await waitForMapIdle(page, 120_000);
      const before = await viewOf(page);
      // Chromium's Navigation API tells which history entry is current.
      const entry = () => page.evaluate(() => (globalThis as unknown as { navigation: { currentEntry: { index: number } } }).navigation.currentEntry.index);
      const historyBefore = { length: await page.evaluate(() => history.length), index: await entry() };
      await page.evaluate(() => {
        const w = window as unknown as { __printed: number };
        w.__printed = 0;
        window.print = () => void w.__printed++;
      });
      await openMenu(page);
      await page.getByRole('checkbox', { name: 'Include speaker notes' }).check();
      const progress = page.getByText(/Rendering step \d+ of 9…/).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /Print handout/ }).click();
      await progress;
      assert.equal(await page.locator('.export-progress progress').count(), 1, 'a progress bar');
      assert.equal(await page.getByRole('button', { name: 'Cancel' }).count(), 1, 'a Cancel button');
      await page.locator(`html[data-handout-ready="${briefing.steps.length}"]`).waitFor({ timeout: 170_000 });
      assert.equal(await page.evaluate(() => (window as unknown as { __printed: number }).__printed), 1, 'window.print called once');
      await waitForMapIdle(page, 120_000);
      assertSameView(await viewOf(page), before);
      assert.equal(await page.getByRole('checkbox', { name: 'Places' }).isChecked(), false, 'layers as they were');
      // The steps' selections were pushed to the history; the user is back on the entry they were on, so Back does not walk through the steps.
      assert.ok((await page.evaluate(() => history.length)) > historyBefore.length, 'the steps pushed entries');
      assert.equal(await entry(), historyBefore.index, 'current history entry');

      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#root').evaluate((e) => getComputedStyle(e).display), 'none', 'the app is hidden in print');
      const pages = await page.locator('.handout-page').evaluateAll((els) =>
        els.map((e) => ({
          id: e.getAttribute('data-step'),
          text: (e as HTMLElement).innerText,
          img: (e.querySelector('img') as HTMLImageElement).naturalWidth,
          key: [...e.querySelectorAll('.handout-key li')].map((li) => li.textContent!.trim()),
        })),
      );
      assert.equal(pages.length, briefing.steps.length);
      // Nothing is cut off: every column fits its sheet.
      const overflowing = await page.locator('.handout-fit').evaluateAll((els) =>
        els.filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => `${e.closest('.handout-page')!.getAttribute('data-step')}: ${e.scrollHeight} > ${e.clientHeight}`),
      );
      assert.deepEqual(overflowing, [], 'handout columns that overflow their page');
      for (const [i, step] of briefing.steps.entries()) {
        const p = pages[i]!;
        assert.equal(p.id, step.id);
        assert.ok(p.text.includes(en(step.title)), `page ${i + 1} has the title "${en(step.title)}"`);
        for (const u of urlsOf(step.claimIds)) assert.ok(p.text.includes(u), `page ${i + 1} (${step.id}) cites ${u}`);
        assert.match(p.text, /Speaker notes/i);
        assert.equal(p.img, 1920, `page ${i + 1} has its map image`);
        assert.ok(p.key.length > 0, `page ${i + 1} has a key to its map`);
      }
      // Each key is of what its image shows: the pressure arc (Washington to Beijing) is in the
      // wide views, not in the last step's, which is of the fighting around Kursk.
      assert.ok(pages.some((p) => p.key.includes('Pressure')), `some key lists the pressure arc: ${pages.map((p) => p.key.join(', ')).join(' | ')}`);
      assert.ok(!pages.at(-1)!.key.includes('Pressure'), `the last page's key: ${pages.at(-1)!.key.join(', ')}`);
      assert.ok(pages.at(-1)!.key.includes('Reported troop position'), `the last page's key: ${pages.at(-1)!.key.join(', ')}`);
      // The page of the China step: the United States, which presses China, is off its map, and a
      // pointer with its colour (not the pressure arc's, #0077BB) is drawn at the edge.
      const blue = await colourCount(page, { selector: '.handout-page[data-step="china"] img' }, '#0072B2', null, 2);
      assert.ok(blue > 50, `pixels of the United States' colour on the China page's map: ${blue}`);
      // A scale bar on the close-ups of Kursk (the last step), none on the world-wide first step.
      const lastRun = await longestRun(page, { selector: `.handout-page[data-step="${briefing.steps.at(-1)!.id}"] img` }, SCALE_INK, HANDOUT_SCALE_CORNER);
      assert.ok(lastRun >= 100 && lastRun <= 250, `the scale bar on the last step's page: a run of ${lastRun} px (bar at most 120 CSS px × 2)`);
      const firstRun = await longestRun(page, { selector: `.handout-page[data-step="${briefing.steps[0]!.id}"] img` }, SCALE_INK, HANDOUT_SCALE_CORNER);
      assert.ok(firstRun < 40, `no scale bar on the first, world-wide step's page: a run of ${firstRun} px`);
      await page.setViewportSize({ width: 1123, height: 794 });
      await screenshot(page, 'export-handout-print');
      await page.locator('.handout-page[data-step="china"]').screenshot({ path: join(ARTIFACTS, 'export-handout-china-page.png') });
      await page.locator(`.handout-page[data-step="${briefing.steps.at(-1)!.id}"]`).screenshot({ path: join(ARTIFACTS, 'export-handout-last-page.png') });
      // The step with the most claims, as printed.
      const busiest = briefing.steps.reduce((a, b) => ((b.claimIds?.length ?? 0) > (a.claimIds?.length ?? 0) ? b : a));
      await page.locator(`.handout-page[data-step="${busiest.id}"]`).screenshot({ path: join(ARTIFACTS, 'export-handout-busiest-page.png') });
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const count = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
      assert.equal(count, briefing.steps.length, 'PDF pages');
      writeFileSync(join(ARTIFACTS, 'export-handout.pdf'), pdf, 'latin1');
    });
  });

  it('cancelling the handout stops it, prints nothing and restores the view', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-10-20&relation=' + encodeURIComponent(file.relations[0].id)));
      await waitForMapIdle(page, 120_000);
      const before = await viewOf(page);
      await page.evaluate(() => {
        const w = window as unknown as { __printed: number };
        w.__printed = 0;
        window.print = () => void w.__printed++;
      });
      await openMenu(page);
      const second = page.getByText(/Rendering step 2 of 9…/).waitFor({ timeout: 90_000 });
      await page.getByRole('button', { name: /Print handout/ }).click();
      await second;
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Cancelled; your view is as it was.').waitFor({ timeout: 90_000 });
      assert.equal(await page.locator('.export-progress').count(), 0, 'the progress overlay is gone');
      assert.equal(await page.locator('.handout-page').count(), 0, 'no handout');
      assert.equal(await page.evaluate(() => (window as unknown as { __printed: number }).__printed), 0, 'nothing printed');
      await waitForMapIdle(page, 120_000);
      assertSameView(await viewOf(page), before);
    });
  });

  it('speaks German with ?lang=de, names the slide after the date shown, and gives a regional view a scale bar', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/?lang=de#date=2024-10-23'));
      await waitForMapIdle(page, 120_000);
      await page.getByRole('button', { name: 'Russischer Ferner Osten' }).click();
      await waitForMapIdle(page, 120_000);
      await page.getByRole('button', { name: 'Folie & Handout' }).click();
      const menu = page.getByRole('dialog', { name: 'Folie und Handout' });
      await menu.waitFor();
      await menu.getByRole('checkbox', { name: 'Sprechernotizen einschließen' }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), menu.getByRole('button', { name: /Folie speichern/ }).click()]);
      assert.equal(download.suggestedFilename(), 'sitmap-kursk-2024-2024-10-23.png');
      const png = readFileSync((await download.path())!);
      writeFileSync(join(ARTIFACTS, 'export-slide-de.png'), png);
      // The Far East at about zoom 4 on the slide: a scale bar (at most 120 CSS px × 1.5).
      const run = await longestRun(page, { b64: png.toString('base64') }, SCALE_INK, SLIDE_SCALE_CORNER);
      assert.ok(run >= 80 && run <= 190, `the scale bar on the slide: a run of ${run} px`);
    });
  });
});
