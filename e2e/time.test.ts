import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, screenPixels, pointOnMap, renderedIds, screenshot, waitForHash, waitForMapIdle } from './harness.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import { localizeScenario } from '../src/scenario/localize.ts';
import { movementRoutes, movingUnits } from '../src/scenario/derive/features.ts';
import { dayOf } from '../src/scenario/derive/time.ts';

const { url, withPage } = browserSuite();

const loaded = loadScenarioText(readFileSync(join(import.meta.dirname, '../data/scenarios/kursk-2024/scenario.json'), 'utf8'), 'kursk');
if (!loaded.ok) throw new Error('the Kursk scenario is invalid');
const kursk = localizeScenario(loaded.scenario, 'en');

async function asOf(page: Page): Promise<string | null> {
  return page.locator('.as-of').getAttribute('data-date');
}

/** What the map draws on a date: which positions and relations. */
async function drawn(page: Page) {
  return {
    positions: await renderedIds(page, ['position-markers']),
    areas: await renderedIds(page, ['area-fill']),
    conflicts: await renderedIds(page, ['relation-armed-conflict']),
  };
}

function assertOctober20(d: Awaited<ReturnType<typeof drawn>>) {
  assert.ok(d.positions.includes('nk-far-east-vladivostok'), 'troops in the Far East');
  assert.ok(!d.positions.includes('nk-kursk-region') && !d.areas.includes('nk-kursk-region'), 'none in Kursk region');
  assert.ok(!d.conflicts.includes('nk-troops-fight-ukraine'), 'no clash yet');
}

function assertNovember5(d: Awaited<ReturnType<typeof drawn>>) {
  assert.ok(d.areas.includes('nk-kursk-region'), 'troops in Kursk region');
  assert.ok(d.conflicts.includes('nk-troops-fight-ukraine'), 'first clash reported');
}

describe('Time: the situation as of a date', () => {
  it('20 Oct 2024 by URL: troops in the Far East, none in Kursk region', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-10-20'));
      await waitForMapIdle(page);
      assert.equal(await asOf(page), '2024-10-20');
      assert.match(await page.locator('.as-of').innerText(), /Situation as of 20 Oct 2024/);
      assertOctober20(await drawn(page));
      await screenshot(page, 'time-2024-10-20-1280x720');
    });
  });

  it('5 Nov 2024 by URL: troops in Kursk region with the estimate of the day, and the first clash', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-11-05&relation=nk-troops-fight-ukraine'));
      await waitForMapIdle(page);
      assertNovember5(await drawn(page));
      const label = await page.evaluate(
        () => window.__sitmapMap!.querySourceFeatures('sitmap-positions').find((f) => f.properties.id === 'nk-kursk-region')?.properties.estimate,
      );
      assert.match(String(label), /^≥10,000 · Pentagon, 4 Nov 2024$|^≤10,000 · State Department, 4 Nov 2024$/);
      const panel = await page.getByRole('complementary').innerText();
      assert.match(panel, /Claims and sources, as of 5 Nov 2024/);
      assert.match(panel, /Zelensky|Umerov/);
      await screenshot(page, 'time-2024-11-05-1280x720');
    });
  });

  it('by keyboard: ←/→ a day, Shift+←/→ a week, Home/End; the URL follows', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-10-20'));
      await waitForMapIdle(page);
      const slider = page.getByRole('slider', { name: 'Date shown' });
      await slider.focus();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      assert.equal(await asOf(page), '2024-11-03');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await asOf(page), '2024-11-05');
      await waitForHash(page, /date=2024-11-05/);
      await waitForMapIdle(page);
      assertNovember5(await drawn(page));
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await asOf(page), '2024-10-20');
      await waitForMapIdle(page);
      assertOctober20(await drawn(page));
      await page.keyboard.press('Home');
      assert.equal(await asOf(page), kursk.span.start);
      await page.keyboard.press('End');
      assert.equal(await asOf(page), kursk.span.end);
      await waitForHash(page, ''); // the default date (the last) is not written
    });
  });

  it('a tick names its events on hover and jumps to its date on click', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const tick = page.locator('.tick[aria-label^="5 Nov 2024"]');
      await tick.hover();
      const tip = page.getByRole('tooltip');
      assert.match(await tip.innerText(), /5 Nov 2024[\s\S]*North Korea → Ukraine/);
      await tick.click();
      assert.equal(await asOf(page), '2024-11-05');
      // Ticks up to the date shown are marked as past, later ones not.
      const past = await page.evaluate(() =>
        [...document.querySelectorAll('.tick')].map((t) => [t.getAttribute('aria-label')!.split(':')[0], t.classList.contains('tick-past')]),
      );
      assert.ok(past.some(([d, p]) => d === '5 Nov 2024' && p), `5 Nov marked past: ${JSON.stringify(past)}`);
      assert.ok(past.some(([d, p]) => String(d).endsWith('2025') && !p), `a 2025 tick not past: ${JSON.stringify(past)}`);
    });
  });

  for (const motion of ['no-preference', 'reduce'] as const) {
    it(`playback advances the date and stops at the end (reduced motion: ${motion})`, async () => {
      await withPage(
        async ({ page }) => {
          await page.goto(url('/#date=2025-03-20'));
          await waitForMapIdle(page);
          await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('30');
          await page.getByRole('button', { name: 'Play' }).click();
          await page.waitForFunction(() => document.querySelector('.as-of')?.getAttribute('data-date') !== '2025-03-20');
          const advanced = await asOf(page);
          assert.ok((advanced ?? '') > '2025-03-20', `the date advances: ${advanced}`);
          // While it plays the URL is left alone (no history write per day); read in one task.
          // (Only checked well before the end: the button and date render a frame after the store.)
          const during = await page.evaluate(() => ({
            hash: location.hash,
            playing: !!document.querySelector('button[aria-label="Pause"]') && (document.querySelector('.as-of')?.getAttribute('data-date') ?? '') < '2025-04-20',
          }));
          // A write during playback would put another date there; '' is the end (written as it stops,
          // possibly a frame before the button and date render).
          if (during.playing) assert.ok(['#date=2025-03-20', ''].includes(during.hash), `the URL is not rewritten during playback: ${during.hash}`);
          await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 30_000 });
          assert.equal(await asOf(page), kursk.span.end, 'stops at the end');
          // Once stopped, the URL has the date shown (the last day is the default), a frame later.
          await waitForHash(page, '');
          const time = await page.evaluate(() => window.__sitmapMap && document.querySelector('.as-of')?.textContent);
          assert.match(String(time), /30 Apr 2025/);
        },
        { reducedMotion: motion },
      );
    });
  }

  it('a movement leg glides along its route: the unit is drawn where Turf puts it', async () => {
    await withPage(async ({ page }) => {
      const i = kursk.movements.findIndex((m) => m.id === 'air-west-kursk');
      const leg = kursk.movements[i]!;
      const unit = movingUnits(kursk, movementRoutes(kursk))[i]!;
      // Halfway through the leg's days (scrubbing shows the start of a day).
      const midDay = Math.floor((dayOf(leg.start) + dayOf(leg.end) + 1) / 2);
      const date = new Date(midDay * 86_400_000).toISOString().slice(0, 10);
      const k = unit.times.findIndex((t) => t > midDay);
      const f = (midDay - unit.times[k - 1]!) / (unit.times[k]! - unit.times[k - 1]!);
      const a = unit.path[k - 1]!;
      const b = unit.path[k]!;
      // The shader interpolates in Web Mercator between route vertices; so does this.
      const merc = (p: readonly [number, number]) => [p[0], Math.log(Math.tan(Math.PI / 4 + (p[1] * Math.PI) / 360))];
      const [ax, ay] = merc(a);
      const [bx, by] = merc(b);
      const y = ay! + (by! - ay!) * f;
      const expected: [number, number] = [ax! + (bx! - ax!) * f, ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI];

      await page.goto(url(`/#date=${date}`));
      await waitForMapIdle(page);
      await page.getByRole('checkbox', { name: 'Relations' }).uncheck();
      await waitForMapIdle(page);
      const at = await pointOnMap(page, expected);
      const colourAt = async (p: { x: number; y: number }) => (await screenPixels(page, [p]))[0]![0]!;
      const nk = kursk.actors.find((x) => x.id === leg.actorId)!.color;
      const want = [1, 3, 5].map((o) => parseInt(nk.slice(o, o + 2), 16));
      const got = await colourAt(at);
      const close = (c: number[]) => c.every((v, j) => Math.abs(v - want[j]!) < 40);
      assert.ok(close(got), `unit colour ${nk} at its interpolated position, got rgb(${got.join(',')})`);
      // Behind the unit, its trail: the route already travelled is drawn.
      if (k >= 2) {
        // The air trail is dotted: look along a stretch of it for the trail's colour.
        const samples: number[][] = [];
        for (let v = Math.floor(k / 2); v < k; v++) samples.push(await colourAt(await pointOnMap(page, unit.path[v]! as [number, number])));
        const onTrail = samples.filter(([r, g, b]) => r! - g! > 40 && b! - g! > 25);
        assert.ok(onTrail.length > 0, `trail drawn behind the unit, got ${JSON.stringify(samples)}`);
      }
      // A day later the unit is a day further along: where it will be is empty now, and drawn then.
      const positionAt = (t: number): [number, number] => {
        const j = unit.times.findIndex((x) => x > t);
        const g = (t - unit.times[j - 1]!) / (unit.times[j]! - unit.times[j - 1]!);
        const [px, py] = merc(unit.path[j - 1]!);
        const [qx, qy] = merc(unit.path[j]!);
        const yy = py! + (qy! - py!) * g;
        return [px! + (qx! - px!) * g, ((2 * Math.atan(Math.exp(yy)) - Math.PI / 2) * 180) / Math.PI];
      };
      const next = await pointOnMap(page, positionAt(midDay + 1));
      assert.ok(!close(await colourAt(next)), 'nothing drawn yet where the unit will be tomorrow');
      await page.getByRole('slider', { name: 'Date shown' }).focus();
      await page.keyboard.press('ArrowRight');
      await waitForMapIdle(page);
      assert.ok(close(await colourAt(next)), 'a day later the unit is there');
      await screenshot(page, 'time-moving-unit-1280x720');
    });
  });

  it('a leg that is over stays on the map as a route line; the GPU layer keeps only legs under way', async () => {
    await withPage(async ({ page }) => {
      const i = kursk.movements.findIndex((m) => m.id === 'air-west-kursk');
      const leg = kursk.movements[i]!;
      const unit = movingUnits(kursk, movementRoutes(kursk))[i]!;
      const state = () =>
        page.evaluate((id) => {
          const map = window.__sitmapMap!;
          const units = (map.getLayer('moving-units') as unknown as { implementation: { unitSegments: number } }).implementation;
          return { done: map.getFeatureState({ source: 'sitmap-routes', id }).done === true, underWay: units.unitSegments };
        }, `route-${leg.id}`);
      // During the leg: not yet a route line; the GPU layer holds its segments.
      await page.goto(url(`/#date=${leg.start}`));
      await waitForMapIdle(page);
      const during = await state();
      assert.equal(during.done, false);
      assert.ok(during.underWay > 0, 'the leg under way is on the GPU layer');
      // The day after it ends: a route line, drawn in the actor's colour along the route.
      const after = new Date(dayOf(leg.end) * 86_400_000 + 86_400_000).toISOString().slice(0, 10);
      await page.goto(url(`/#date=${after}`));
      await page.reload();
      await waitForMapIdle(page);
      assert.equal((await state()).done, true, 'handed to the route lines');
      await page.getByRole('checkbox', { name: 'Relations' }).uncheck();
      await waitForMapIdle(page);
      const pts = await Promise.all(unit.path.slice(1, -1).map((p) => pointOnMap(page, p as [number, number])));
      // The dotted air route: look in a 7×7 box around each vertex for the actor's purple.
      const boxes = await screenPixels(page, pts, 3);
      const hits = boxes.filter((box) => box.some(([r, g, b]) => r! - g! > 40 && b! - g! > 25)).length;
      assert.ok(hits >= pts.length / 3, `route drawn along the leg after it ended: ${hits} of ${pts.length} vertices`);
    });
  });

  it('competing estimates: a chart per measure, one series per source, forecasts apart, superseded figures marked', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#date=2024-11-05&relation=nk-deploys-to-russia'));
      await waitForMapIdle(page);
      const chart = page.locator('.estimate-chart[data-measure="in-russia"]');
      await chart.waitFor();
      const series = await chart.locator('[data-series]').evaluateAll((els) => els.map((e) => e.getAttribute('data-series')));
      assert.deepEqual(series.sort(), ['Pentagon', 'South Korea NIS', 'State Department', 'Ukraine', 'White House']);
      assert.ok((await chart.locator('[data-series="South Korea NIS"] .forecast').count()) >= 1, 'NIS forecast drawn apart');
      assert.equal(await chart.locator('.as-of-rule').count(), 1, 'the date shown is marked');
      const description = (await chart.locator('svg[role="img"]').getAttribute('aria-label')) ?? '';
      assert.match(description, /Pentagon: .*12,000 on 4 Nov 2024/);
      assert.doesNotMatch(description, /18 Nov|30 Dec/, 'estimates made after the date are not drawn');
      const singh = page.locator('[data-claim="singh-2024-10-28-10000"]').first();
      assert.match(await singh.innerText(), /Superseded on 29 Oct 2024 by Maj\. Gen\. Pat Ryder/);
      await screenshot(page, 'time-estimates-1280x720');
    });
  });

  it('under reduced motion a frame jump is instant', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      await page.getByRole('button', { name: 'Kursk', exact: true }).click();
      const view = await page.evaluate(() => ({ moving: window.__sitmapMap!.isMoving(), zoom: window.__sitmapMap!.getZoom() }));
      assert.equal(view.moving, false);
      assert.ok(view.zoom > 6, `already there (zoom ${view.zoom})`);
    });
  });
});
