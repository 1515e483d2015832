import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, keepoutsOnClearMap, labelsOverMarkers, labelsAcrossPanels, labelsOffEdges, markersOnScreen, pointOnMap, renderedCount, renderedIds, screenshot, waitForHash, waitForLabelKeepouts, waitForMapIdle } from './harness.ts';
import { relationLineId, movementLineId } from '../src/map/layers/scenario-layers.ts';
import { panelKeepout } from '../src/map/panel-keepouts.ts';
import { RELATION_TYPES } from '../src/scenario/schema.ts';

const PYONGYANG: [number, number] = [125.75432, 39.03385];
const RELATION_LAYERS = RELATION_TYPES.map(relationLineId);
const MOVEMENT_LAYERS = ['sea', 'air', 'land'].map(movementLineId);

const { url, withPage } = browserSuite();

describe('Sitmap foundation in a real browser', () => {
  it('opens on the theatre with actors, relations, movements and uncertainty areas drawn', async () => {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await withPage(
        async ({ page }) => {
          await page.goto(url('/'));
          await waitForMapIdle(page);
          // Korean peninsula to Ukraine is in view.
          const inView = await page.evaluate(() => {
            const b = window.__sitmapMap!.getBounds();
            return { kyiv: b.contains([30.52, 50.45]), pyongyang: b.contains([125.75, 39.03]), seoul: b.contains([126.98, 37.57]) };
          });
          assert.deepEqual(inView, { kyiv: true, pyongyang: true, seoul: true });
          assert.ok((await renderedCount(page, ['actor-markers'])) >= 5, 'actor markers drawn');
          assert.ok((await renderedCount(page, ['actor-labels'])) >= 4, 'actor labels drawn without a glyph server');
          assert.ok((await renderedCount(page, RELATION_LAYERS)) >= 5, 'relation arcs drawn');
          assert.ok((await renderedCount(page, ['movement-hit'])) >= 3, 'movement routes on the map, clickable');
          assert.equal(await renderedCount(page, MOVEMENT_LAYERS), 0, 'no leg drawn whole while none is hovered or selected');
          assert.ok((await renderedCount(page, ['territory-fill'])) >= 4, 'actor territories tinted');
          assert.ok((await renderedCount(page, ['position-markers'])) >= 3, 'troop markers drawn');
          // The key to all this is in view beside the map without scrolling: the legend's layer
          // switches and its relation types (the lists above it start folded), all of it at 1920×1080.
          const legend = await page.evaluate(() => {
            // (No named helpers in here: tsx would wrap them in a __name the page lacks.)
            const [toggles, types, all] = ['.legend .toggles label', '.legend .legend-items label', '.legend .legend-row'].map((sel) =>
              Math.max(...[...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().bottom)),
            );
            return { sidebar: document.querySelector('.sidebar')!.getBoundingClientRect().bottom, toggles: toggles!, types: types!, all: all! };
          });
          assert.ok(legend.toggles <= legend.sidebar && legend.types <= legend.sidebar, `the legend's switches in view: ${JSON.stringify(legend)}`);
          if (h >= 1080) assert.ok(legend.all <= legend.sidebar, `the whole legend in view: ${JSON.stringify(legend)}`);
          await screenshot(page, `theatre-${w}x${h}`);
        },
        { viewport: { width: w, height: h } },
      );
    }
  });

  it('clicking North Korea on the map opens its sourced details and puts it in the URL', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const { x, y } = await pointOnMap(page, PYONGYANG);
      await page.mouse.click(x, y);
      const panel = page.getByRole('complementary');
      await assertNorthKoreaDetails(page);
      await waitForHash(page, '#actor=north-korea');
      await waitForMapIdle(page);
      const selected = await page.evaluate(
        () => window.__sitmapMap!.getFeatureState({ source: 'sitmap-actors', id: 'north-korea' }).selected,
      );
      assert.equal(selected, true, 'the marker is highlighted as selected');
      await screenshot(page, 'north-korea-1280x720');
      // The pointer now rests on the panel: no tooltip left over it, naming what was clicked.
      assert.equal(await page.locator('.map-tooltip').count(), 0, 'a stale tooltip over the panel');
      assert.ok(await panel.isVisible());
    });
  });

  it('a resting pointer names nothing stale: not after the map flies, not under the details panel', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const tooltip = page.locator('.map-tooltip');
      const nkHovered = () => page.evaluate(() => !!window.__sitmapMap!.getFeatureState({ source: 'sitmap-actors', id: 'north-korea' }).hover);
      const restOnPyongyang = async () => {
        const { x, y } = await pointOnMap(page, PYONGYANG);
        await page.mouse.move(x, y);
        await tooltip.filter({ hasText: 'North Korea' }).waitFor();
        assert.equal(await nkHovered(), true);
        return { x, y };
      };
      // The pointer rests on North Korea; the keyboard sends the map to Kursk. Nothing of North
      // Korea is under the pointer there, so nothing may name it.
      await restOnPyongyang();
      await page.getByRole('button', { name: 'Kursk', exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitForMapIdle(page);
      assert.equal(await tooltip.count(), 0, `a tooltip after the flight: ${await tooltip.allInnerTexts()}`);
      assert.equal(await nkHovered(), false, 'North Korea still hovered, far off the map');

      // Back at the theatre, the pointer on North Korea again (right of the map, where the details
      // panel opens); Russia chosen by keyboard. Its marker is in view, so the map stays: only the
      // panel comes, over the pointer.
      await page.getByRole('button', { name: 'Theatre', exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitForMapIdle(page);
      const rest = await restOnPyongyang();
      const center = () => page.evaluate(() => window.__sitmapMap!.getCenter().toArray().map((v) => v.toFixed(4)));
      const before = await center();
      await page.getByRole('button', { name: 'Russia', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.locator('aside.details[data-id="russia"]').waitFor();
      await waitForMapIdle(page);
      assert.deepEqual(await center(), before, 'the map stayed where it was');
      const under = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('aside.details'), [rest.x, rest.y]);
      assert.ok(under, 'the panel covers where the pointer rests');
      assert.equal(await tooltip.count(), 0, `a tooltip over the details panel: ${await tooltip.allInnerTexts()}`);
      assert.equal(await nkHovered(), false);
      await screenshot(page, 'resting-pointer-russia-1280x720');
    });
  });

  it('North Korea through its button; Escape closes and returns focus; reload keeps the selection', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const button = page.getByRole('button', { name: 'North Korea', exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
      await assertNorthKoreaDetails(page);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'details-heading', 'focus moves to the panel');
      await waitForHash(page, '#actor=north-korea');

      await page.reload();
      await waitForMapIdle(page);
      await assertNorthKoreaDetails(page);

      await page.keyboard.press('Escape');
      assert.equal(await page.getByRole('complementary').count(), 0, 'Escape closes the panel');
      await waitForHash(page, '');
    });
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const button = page.getByRole('button', { name: 'North Korea', exact: true });
      await button.click();
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id), 'north-korea', 'focus returns to the button');
    });
  });

  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    it(`a tooltip by the map's edge stays whole on the screen (${w}×${h})`, async () => {
      await withPage(
        async ({ page }) => {
          await page.goto(url('/'));
          await waitForMapIdle(page);
          // The theatre's markers nearest the right and the bottom edges (the Far East's troops).
          const all = await markersOnScreen(page, ['actor-markers', 'position-markers']);
          const marks = [...[...all].sort((a, b) => b.x - a.x).slice(0, 3), ...[...all].sort((a, b) => b.y - a.y).slice(0, 2)];
          const tooltip = page.locator('.map-tooltip');
          for (const m of marks) {
            await page.mouse.move(m.x, m.y);
            await tooltip.waitFor();
            const fit = await tooltip.evaluate((e) => {
              const r = e.getBoundingClientRect();
              const map = document.querySelector('.map-wrap')!.getBoundingClientRect();
              return { r: [r.left, r.top, r.right, r.bottom].map(Math.round), map: [map.left, map.top, map.right, map.bottom].map(Math.round), scrolls: document.scrollingElement!.scrollWidth > innerWidth };
            });
            const [l, t, r, b] = fit.r as [number, number, number, number];
            const [ml, mt, mr, mb] = fit.map as [number, number, number, number];
            assert.ok(l >= ml && t >= mt && r <= mr && b <= mb, `${m.id}: tooltip ${fit.r} leaves the map ${fit.map}`);
            assert.equal(fit.scrolls, false, `${m.id}: the page scrolls sideways`);
            // Not a sliver wrapped against the edge: as wide as its text on one line, or its widest.
            const want = await tooltip.evaluate((e) => {
              const el = e as HTMLElement;
              el.style.width = 'max-content';
              const one = el.getBoundingClientRect().width;
              el.style.width = '';
              return Math.round(Math.min(one, parseFloat(getComputedStyle(el).maxWidth)));
            });
            assert.ok(r - l >= want - 1, `${m.id}: tooltip ${r - l} px wide, its text wants ${want}`);
            if (m === marks[0]) await screenshot(page, `tooltip-edge-${w}x${h}`);
          }
        },
        { viewport: { width: w, height: h } },
      );
    });
  }

  it('hovering an actor highlights it and names it; layer toggles hide and show kinds', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      const { x, y } = await pointOnMap(page, PYONGYANG);
      await page.mouse.move(x, y);
      await page.locator('.map-tooltip', { hasText: 'North Korea' }).waitFor();
      const hover = await page.evaluate(() => window.__sitmapMap!.getFeatureState({ source: 'sitmap-actors', id: 'north-korea' }).hover);
      assert.equal(hover, true);

      assert.ok((await renderedCount(page, RELATION_LAYERS)) > 0);
      await page.getByRole('checkbox', { name: 'Relations' }).uncheck();
      await waitForMapIdle(page);
      assert.equal(await renderedCount(page, RELATION_LAYERS), 0, 'relations hidden');
      await page.getByRole('checkbox', { name: 'Relations' }).check();
      await page.getByRole('checkbox', { name: /Denies/ }).uncheck();
      await waitForMapIdle(page);
      assert.equal(await renderedCount(page, ['relation-denial']), 0, 'denials hidden');
      assert.ok((await renderedCount(page, ['relation-troop-deployment'])) > 0, 'other types still drawn');
      await page.getByRole('checkbox', { name: 'Movements' }).uncheck();
      await waitForMapIdle(page);
      assert.equal(await renderedCount(page, ['movement-hit']), 0, 'movements hidden');
    });
  });

  it('a selected movement leg is drawn whole, and only that one', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      await page.getByText(/^Movements \(/).click();
      await page.getByRole('button', { name: /^At least 7 flights/ }).click();
      await page.waitForFunction(() => location.hash.includes('movement=air-west-kursk'));
      await waitForMapIdle(page);
      assert.deepEqual(await renderedIds(page, MOVEMENT_LAYERS), ['air-west-kursk']);
      // A short heading; what the approximate end points stand for, under it.
      const details = page.locator('aside.details');
      assert.equal((await details.getByRole('heading', { level: 2 }).innerText()).trim(), 'At least 7 flights, about 2,100 soldiers, to the Ukrainian border area');
      assert.match(await details.locator('.facts').first().innerText(), /^By air · Vladivostok → Kursk · from 23 Oct 2024 to 28 Oct 2024/);
      assert.match(await details.locator('.facts').nth(1).innerText(), /Precision: approximate/);
      assert.match(await details.locator('.movement-note').innerText(), /^Kursk stands for the border area.*Vladivostok for the point of departure/);
      await page.getByRole('button', { name: /^By ship from the Wonsan area/ }).click();
      await page.waitForFunction(() => location.hash.includes('movement=sea-kirby'));
      await waitForMapIdle(page);
      assert.deepEqual(await renderedIds(page, MOVEMENT_LAYERS), ['sea-kirby'], 'the previous leg is no longer drawn whole');
    });
  });

  it('a shared link opens the same selection', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=north-korea'));
      await waitForMapIdle(page);
      await assertNorthKoreaDetails(page);
    });
  });

  it('a corrected article claim is shown beside the record', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=north-korea'));
      await waitForMapIdle(page);
      const corrected = page.locator('.claim-corrected').first();
      await corrected.waitFor();
      const text = await corrected.innerText();
      assert.match(text, /THE ARTICLE SAYS/i);
      assert.match(text, /THE RECORD/i);
      await screenshot(page, 'corrected-claim-1280x720');
    });
  });

  it('the Kursk control frames Kursk region', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/'));
      await waitForMapIdle(page);
      await page.getByRole('button', { name: 'Kursk', exact: true }).click();
      await waitForMapIdle(page);
      const view = await page.evaluate(() => {
        const m = window.__sitmapMap!;
        const b = m.getBounds();
        return { zoom: m.getZoom(), sudzha: b.contains([35.2726, 51.1976]), kursk: b.contains([36.18735, 51.73733]), moscow: b.contains([37.6, 55.75]) };
      });
      assert.ok(view.zoom > 6, `zoomed in (zoom ${view.zoom})`);
      assert.deepEqual({ sudzha: view.sudzha, kursk: view.kursk, moscow: view.moscow }, { sudzha: true, kursk: true, moscow: false });
      assert.ok((await renderedCount(page, ['area-fill'])) >= 1, 'the Kursk area of uncertainty is drawn');
      // A scale bar in km at the map's foot, true to the map: its length, measured on the map
      // where MapLibre measures it (across the middle), is the distance it is labelled with.
      const scale = await page.locator('.maplibregl-ctrl-scale').evaluate((e) => {
        const map = window.__sitmapMap!;
        const bar = e.getBoundingClientRect();
        const box = map.getContainer().getBoundingClientRect();
        const y = box.height / 2;
        const a = map.unproject([0, y]);
        const b = map.unproject([bar.width, y]);
        return { text: e.textContent!, km: a.distanceTo(b) / 1000, inMap: bar.left >= box.left && bar.bottom <= box.bottom && bar.left < box.left + 40 };
      });
      const [, n, unit] = /^(\d+)\s(km|m)$/.exec(scale.text) ?? []; // (a no-break space between)
      assert.ok(n && unit === 'km', `the scale reads ${scale.text}`);
      assert.ok(Math.abs(scale.km / Number(n) - 1) < 0.03, `the bar is ${scale.km.toFixed(1)} km long on the map, labelled ${scale.text}`);
      assert.ok(scale.inMap, 'at the map\'s bottom left');
      await screenshot(page, 'kursk-1280x720');
    });
  });

  // The map's minimum zoom is 0 (a 4:3 projector's world-wide briefing steps need less than 1):
  // zoomed all the way out, the world is narrower than the map and as tall as it, so the label
  // keep-outs along the map's top and bottom edge lie beyond the world; the source clamps them
  // onto its edge, where full-size ones kept labels off a band of the clear map.
  it('zoomed all the way out, every actor is named and nothing keeps labels off the clear map', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=north-korea'));
      await waitForLabelKeepouts(page);
      await page.evaluate(() => window.__sitmapMap!.jumpTo({ zoom: 0 }));
      await waitForMapIdle(page);
      const zoom = await page.evaluate(() => window.__sitmapMap!.getZoom());
      // MapLibre goes no further out than the world as tall as the map.
      assert.ok(zoom < 1, `zoomed out past 1 (zoom ${zoom})`);
      const actors = await renderedIds(page, ['actor-markers']);
      assert.equal(actors.length, 7, `every actor drawn (${actors.join(', ')})`);
      assert.deepEqual(await renderedIds(page, ['actor-labels']), actors, 'every actor named');
      assert.deepEqual(await keepoutsOnClearMap(page), [], 'no keep-out on the clear map');
      assert.deepEqual([...(await labelsAcrossPanels(page)), ...(await labelsOffEdges(page))], [], 'no label under a panel or off the edge');
      await screenshot(page, 'world-1280x720');
    });
  });

  it('labels go around markers, never over them, and every troop position in a frame is named', async () => {
    // German labels are longer: the smaller screen in German too.
    const frames = { en: ['Theatre', 'Kursk', 'Russian Far East'], de: ['Schauplatz', 'Kursk', 'Russischer Ferner Osten'] };
    for (const [w, h, lang] of [
      [1280, 720, 'en'],
      [1920, 1080, 'en'],
      [1280, 720, 'de'],
    ] as const) {
      await withPage(
        async ({ page }) => {
          await page.goto(url(lang === 'en' ? '/' : `/?lang=${lang}`));
          await waitForMapIdle(page);
          for (const [i, frame] of frames[lang].entries()) {
            await page.getByRole('button', { name: frame, exact: true }).click();
            await waitForLabelKeepouts(page);
            assert.deepEqual(await labelsOverMarkers(page), [], `${frame} at ${w}×${h}: no label over a marker`);
            // Nor cut off at the map's edge once it stops (China's, beside the sidebar in the Far East frame).
            assert.deepEqual(await labelsOffEdges(page), [], `${frame} at ${w}×${h}: no label off the map's edge`);
            if (i === 0) {
              // Crowded round Korea: every actor drawn is still named.
              const actors = await renderedIds(page, ['actor-markers']);
              assert.ok(actors.length >= 5, `Theatre: actors drawn (${actors.join(', ')})`);
              assert.deepEqual(await renderedIds(page, ['actor-labels']), actors, `Theatre at ${w}×${h}: every actor drawn is named`);
              continue;
            }
            // Zoomed in, there is room beside every marker: each troop position drawn has its label.
            const markers = await renderedIds(page, ['position-markers']);
            assert.ok(markers.length >= 3, `${frame}: troop positions drawn (${markers.join(', ')})`);
            assert.deepEqual(await renderedIds(page, ['position-labels']), markers, `${frame} at ${w}×${h}: every troop position labelled`);
          }
          await screenshot(page, `far-east-${lang === 'en' ? '' : `${lang}-`}${w}x${h}`);
        },
        { viewport: { width: w, height: h } },
      );
    }
  });

  it('no label goes under the details panel: it goes to a free side of its marker, and labels use the place again once the panel closes', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=north-korea'));
      await page.locator('aside.details').waitFor();
      await waitForLabelKeepouts(page);
      // The test can fail: without the keep-out (the layer hidden), North Korea's label reaches
      // under the panel once Pyongyang's marker is 30 px from the panel's edge (zoomed in on
      // Korea, where its left is free): centred below or above it, or beside it on the right.
      await page.evaluate((id) => window.__sitmapMap!.setLayoutProperty(id, 'visibility', 'none'), panelKeepout.id);
      await page.evaluate((pyongyang) => {
        const map = window.__sitmapMap!;
        const box = map.getContainer().getBoundingClientRect();
        const edge = document.querySelector('aside.details')!.getBoundingClientRect().left - box.left;
        map.jumpTo({ center: pyongyang, zoom: 5 });
        const p = map.project(pyongyang);
        const c = map.project(map.getCenter());
        map.jumpTo({ center: map.unproject([c.x + p.x - (edge - 30), c.y]) });
      }, PYONGYANG);
      await waitForMapIdle(page);
      assert.ok((await labelsAcrossPanels(page)).includes('actor-labels north-korea across details'), 'set-up: the label goes under the panel, cut off at its edge');
      // With it, the label goes to the free side.
      await page.evaluate((id) => window.__sitmapMap!.setLayoutProperty(id, 'visibility', 'visible'), panelKeepout.id);
      await waitForMapIdle(page);
      assert.deepEqual(await labelsAcrossPanels(page), [], 'no label cut off at the panel');
      assert.ok((await renderedIds(page, ['actor-labels'])).includes('north-korea'), 'North Korea is still named, on the free side of its marker');
      assert.deepEqual(await labelsOverMarkers(page), [], 'and not over a marker');
      await screenshot(page, 'label-beside-panel-1280x720');
      // Closed, the panel keeps nothing out: the label may take the panel's place again.
      const panel = await page.evaluate(() => {
        const box = window.__sitmapMap!.getContainer().getBoundingClientRect();
        const r = document.querySelector('aside.details')!.getBoundingClientRect();
        return [[r.left - box.left, r.top - box.top], [r.right - box.left, r.bottom - box.top]] as [[number, number], [number, number]];
      });
      await page.keyboard.press('Escape');
      await page.locator('aside.details').waitFor({ state: 'detached' });
      await waitForMapIdle(page);
      const there = await page.evaluate((rect) => window.__sitmapMap!.queryRenderedFeatures(rect, { layers: ['actor-labels'] }).map((f) => String(f.properties.id)), panel);
      assert.ok(there.length > 0, 'a label where the panel was (South Korea, no longer left out)');
    });
  });

  it('an unknown id in a link says so and keeps the map', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/#actor=atlantis'));
      await waitForMapIdle(page);
      await page.getByRole('status').filter({ hasText: "no actor 'atlantis'" }).waitFor();
      assert.equal(await page.getByRole('complementary').count(), 0);
    });
  });

  it('an invalid scenario shows the list of problems instead of a broken map', async () => {
    await withPage(async ({ page }) => {
      await page.goto(url('/?scenario=/e2e-fixtures/invalid-scenario.json'));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /cannot be shown/);
      assert.match(text, /\$\.claims\[0\]\.sourceIds\[0\]\s+unknown source 'kbs-18855' \(did you mean 'kbs-188550'\?\)/);
      assert.match(text, /\$\.relations\[0\]\.end\s+end 2024-10-01 is before start 2024-10-23/);
      assert.match(text, /\$\.actors\[1\]\.id\s+duplicate id 'north-korea'/);
      assert.equal(await page.locator('canvas').count(), 0, 'no map is drawn');
      await screenshot(page, 'invalid-scenario-1280x720');
    });
  });

  it('the details panel is readable on a phone', async () => {
    await withPage(
      async ({ page }) => {
        await page.goto(url('/#actor=north-korea'));
        await waitForMapIdle(page);
        await assertNorthKoreaDetails(page);
        const box = await page.getByRole('complementary').boundingBox();
        assert.ok(box && box.x >= 0 && box.width <= 390 && box.y + box.height <= 844 + 1, `panel fits the screen: ${JSON.stringify(box)}`);
        await screenshot(page, 'phone-north-korea-390x844');
      },
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    );
  });
});

async function assertNorthKoreaDetails(page: import('playwright-core').Page) {
  const panel = page.getByRole('complementary');
  await panel.getByRole('heading', { name: 'North Korea', level: 2 }).waitFor();
  // The claim cards render in a deferred pass right after the panel opens.
  await panel.locator('.status-group').first().waitFor();
  const text = await panel.innerText();
  assert.match(text, /CONFIRMED/i, 'claims grouped by status');
  // Who said it and when: a dated claim by a named claimant.
  assert.match(text, /Kirby/);
  assert.match(text, /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d/);
  const link = panel.locator('.sources a').first();
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match((await link.getAttribute('href')) ?? '', /^https?:\/\//);
}
