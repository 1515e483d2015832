import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { guardedPage, launchBrowser, renderedCount, screenshot, waitForHash, waitForMapIdle } from './harness.ts';
import { relationLineId } from '../src/map/layers/scenario-layers.ts';
import { RELATION_TYPES } from '../src/scenario/schema.ts';

const root = join(import.meta.dirname, '..');
const FILE = join(root, 'dist-single', 'sitmap.html');
const FILE_URL = pathToFileURL(FILE).href;
const RELATION_LAYERS = RELATION_TYPES.map(relationLineId);

/** The only loads the single file may cause: itself, and what it makes in memory. */
function isOwn(url: string): boolean {
  return url.split('#')[0] === FILE_URL || /^(data|blob):/.test(url);
}

describe('the single-file briefing (dist-single/sitmap.html) opened from file://', () => {
  let browser: Browser;
  before(async () => {
    // `npm test` builds it; build it here too when the test runs on its own.
    if (!existsSync(FILE)) execFileSync('npm', ['run', 'build:single'], { cwd: root, stdio: 'inherit' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('draws the map, shows North Korea with its sources and has the timeline, loading nothing else', async () => {
    // No server runs: the page gets nothing but its own file. The harness aborts and reports
    // anything else it can route; every request the browser makes at all is listed here too
    // (file:// loads included), as is every resource the page itself saw loaded.
    const g = await guardedPage(browser, { allow: (url) => url.split('#')[0] === FILE_URL });
    const { page } = g;
    const requested: string[] = [];
    page.context().on('request', (r) => requested.push(r.url()));
    try {
      await page.goto(FILE_URL);
      await waitForMapIdle(page);

      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp ?? '', /^default-src 'none'; script-src 'sha256-[^;]*'; style-src 'sha256-/, 'runs under its strict CSP');
      assert.doesNotMatch(csp ?? '', /unsafe|https?:|\*/, 'no unsafe-* and no remote source in the CSP');
      assert.ok((await renderedCount(page, ['land'])) > 0, 'the inlined basemap is drawn');
      assert.ok((await renderedCount(page, ['actor-markers'])) >= 5, 'actor markers drawn');
      assert.ok((await renderedCount(page, ['actor-labels'])) >= 4, 'actor labels drawn');
      assert.ok((await renderedCount(page, RELATION_LAYERS)) >= 5, 'relation arcs drawn');
      const inter = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter' && f.status === 'loaded').length;
      });
      assert.ok(inter > 0, 'Inter loaded from the inlined stylesheet');
      await screenshot(page, 'single-file-1280x720');

      const slider = page.getByRole('slider', { name: 'Date shown' });
      await slider.waitFor();
      const before = await page.locator('.as-of').getAttribute('data-date');
      await slider.focus();
      await page.keyboard.press('Home');
      const after = await page.locator('.as-of').getAttribute('data-date');
      assert.ok(before && after && after < before, `the timeline moves the date (${before} -> ${after})`);
      await waitForMapIdle(page);
      assert.ok((await renderedCount(page, ['actor-markers'])) >= 5, 'the map still draws after a date change');
      await page.keyboard.press('End');
      await waitForMapIdle(page);

      await page.getByRole('button', { name: 'North Korea', exact: true }).click();
      const panel = page.getByRole('complementary');
      await panel.getByRole('heading', { name: 'North Korea', level: 2 }).waitFor();
      const text = await panel.innerText();
      assert.match(text, /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d/, 'a dated claim');
      const link = panel.locator('.sources a').first();
      assert.match((await link.getAttribute('href')) ?? '', /^https?:\/\//, 'a source link');
      await waitForHash(page, '#actor=north-korea');
      await waitForMapIdle(page);

      // The briefing: its chunks (audience view, legend key) are inlined too, and run under the CSP.
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await page.locator('.briefing-audience[data-settled="1"]').waitFor({ timeout: 120_000 });
      assert.ok((await page.locator('.briefing-legend .legend-row').count()) > 0, 'the audience key is drawn');
      await page.keyboard.press('ArrowRight');
      await page.locator('.briefing-audience[data-settled="2"]').waitFor({ timeout: 120_000 });
      assert.equal(await page.locator('.briefing-caption').getAttribute('data-step'), '2');
      await waitForMapIdle(page);
      // The pointer to the United States, which step 2 cannot show at this size: its chunk and
      // style are inlined too (a pill, not unstyled text).
      const pointer = page.locator('.step-mark[data-actor="united-states"]');
      assert.equal(await pointer.innerText(), 'United States');
      assert.equal(await pointer.evaluate((el) => getComputedStyle(el).position), 'absolute', 'the pointer is styled');
      await screenshot(page, 'single-file-presenting-1280x720');
      await page.keyboard.press('Escape');
      await page.locator('.briefing-audience').waitFor({ state: 'detached' });

      const seen = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      const foreign = [...requested, ...seen].filter((u) => !isOwn(u));
      assert.deepEqual(foreign, [], 'nothing but the file itself and data:/blob: was loaded');
      await g.assertClean();
    } finally {
      await g.close();
    }
  });
});
