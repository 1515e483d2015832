import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot, waitForMapIdle } from './harness.ts';

const { url, withPage } = browserSuite();
const root = join(import.meta.dirname, '..');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every string of a locale file, by dotted key. */
function flatten(v: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof v === 'string') out.set(prefix, v);
  else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Locale pairs (en, de) of every namespace: src/i18n/locales and any feature's own locales folder. */
function localePairs(): Array<{ file: string; en: Map<string, string>; de: Map<string, string> }> {
  const dirs = [join(root, 'src/i18n/locales')];
  for (const d of readdirSync(join(root, 'src'), { withFileTypes: true })) {
    if (d.isDirectory() && existsSync(join(root, 'src', d.name, 'locales', 'en'))) dirs.push(join(root, 'src', d.name, 'locales'));
  }
  return dirs.flatMap((dir) =>
    readdirSync(join(dir, 'en'))
      .filter((f) => f.endsWith('.json') && existsSync(join(dir, 'de', f)))
      .map((f) => ({
        file: join(dir, 'en', f).slice(root.length + 1),
        en: flatten(JSON.parse(readFileSync(join(dir, 'en', f), 'utf8')) as Json),
        de: flatten(JSON.parse(readFileSync(join(dir, 'de', f), 'utf8')) as Json),
      })),
  );
}

/**
 * English UI wording that must not be seen in German: the parts of each English string between
 * its {{placeholders}} (at least 4 characters, so "k" of "12k" is not matched), for every string
 * whose German differs.
 */
const englishUi: string[] = [
  ...new Set(
    localePairs().flatMap(({ en, de }) =>
      [...en].flatMap(([key, text]) =>
        de.has(key) && de.get(key) !== text
          ? text
              .split(/\{\{[^}]+\}\}/)
              .map((s) => s.trim().replace(/^[\s:;,.·()“”"]+|[\s:;,.·()“”"…]+$/g, ''))
              .filter((s) => s.length >= 4)
          : [],
      ),
    ),
  ),
];

/**
 * English texts of the Kursk scenario (and its briefing) whose German differs, and the texts the
 * file gives in one form for both languages (names used as identifiers, such as an estimator
 * naming a chart series): those are shown as they are in either language.
 */
function scenarioTexts(): { english: string[]; shared: Set<string> } {
  const english = new Set<string>();
  const shared = new Set<string>();
  const walk = (v: Json) => {
    if (typeof v === 'string') shared.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (typeof v.en === 'string' && typeof v.de === 'string' && keys.every((k) => k === 'en' || k === 'de')) {
        if (v.en !== v.de && v.en.trim().length >= 4) english.add(v.en.trim());
      } else Object.values(v).forEach(walk);
    }
  };
  walk(JSON.parse(readFileSync(join(root, 'data/scenarios/kursk-2024/scenario.json'), 'utf8')) as Json);
  return { english: [...english].filter((e) => !shared.has(e)), shared };
}
const { english: englishScenario, shared: sharedScenarioTexts } = scenarioTexts();
/** Shared texts that are names (short, capitalised), longest first. */
const sharedNames = [...sharedScenarioTexts]
  .filter((x) => x.length >= 6 && x.length <= 60 && /^\p{Lu}/u.test(x) && !/^\d{4}-/.test(x))
  .sort((a, b) => b.length - a.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `phrase` as whole words (not inside a longer word, umlauts included), case-sensitive. */
const asWords = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * What the page shows and says: the text of every rendered element (as written, before CSS
 * text-transform), the options of selects, and the names, titles, placeholders and value texts of
 * rendered elements, each with where it was found. Source titles and publishers, and verbatim
 * quotes, are left out: they are given in the language they were published in.
 */
async function visibleTexts(page: Page): Promise<Array<{ where: string; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ where: string; text: string }> = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest('script,style,.sources,.claim-quote')) continue;
      if (shown(el) || el.tagName === 'OPTION') out.push({ where: describe(el), text });
    }
    for (const el of document.body.querySelectorAll('[aria-label],[title],[placeholder],[aria-valuetext],[alt]')) {
      if ((!shown(el) && !(el instanceof HTMLInputElement && el.type === 'file')) || el.closest('.sources,.claim-quote')) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push({ where: `${describe(el)}[${a}]`, text: v });
      }
    }
    return out;
  });
}

/** Fails with every English UI string and English scenario text found on the page. */
async function assertNoEnglish(page: Page, context: string) {
  // Names the file gives once for both languages (e.g. "State Department" naming a chart series)
  // are left out, also inside longer texts such as the chart's description.
  const texts = (await visibleTexts(page)).map((t) => ({ ...t, text: sharedNames.reduce((x, name) => x.replaceAll(name, '·'), t.text) }));
  const found: string[] = [];
  for (const phrase of englishUi) {
    const re = asWords(phrase);
    const hit = texts.find((t) => re.test(t.text));
    if (hit) found.push(`UI string "${phrase}" in ${hit.where}: "${hit.text.slice(0, 120)}"`);
  }
  for (const phrase of englishScenario) {
    const re = asWords(phrase);
    const hit = texts.find((t) => re.test(t.text));
    if (hit) found.push(`scenario text "${phrase.slice(0, 80)}" in ${hit.where}`);
  }
  assert.deepEqual(found, [], `English left in the German UI (${context})`);
}

/** Fails when text in the top bar, sidebar, timeline or details panel is cut or overflows sideways. */
async function assertNothingOverflows(page: Page, context: string) {
  const over = await page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('.topbar *, .timeline *, .sidebar *, .details *')) {
      if (!(el as HTMLElement).checkVisibility?.() || el.closest('svg') || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > vw + 1 || r.left < -1) out.push(`${el.tagName}.${el.className} leaves the window (${Math.round(r.left)}–${Math.round(r.right)})`);
      const h = el as HTMLElement;
      const style = getComputedStyle(h);
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
      // A box that clips its own text (or that text-overflows with an ellipsis) cuts words off.
      if (clips && h.scrollWidth > h.clientWidth + 1 && !['H1'].includes(h.tagName)) out.push(`${h.tagName}.${h.className} cuts its text: "${h.textContent?.slice(0, 60)}"`);
    }
    return out;
  });
  assert.deepEqual(over, [], `overflow (${context})`);
}

/** tsx names the functions it compiles with a helper the page lacks; functions passed to `evaluate` need it. */
const withNameHelper = (page: Page) => page.addInitScript('window.__name = (f) => f');

async function openGerman(page: Page, path = '/?lang=de') {
  await withNameHelper(page);
  await page.goto(url(path));
  await waitForMapIdle(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
}

describe('German: ?lang=de', () => {
  it('shows German UI and scenario text, with no English left (start, North Korea details, a tick tooltip) at 1280×720', async () => {
    assert.ok(englishUi.length > 100, 'the English UI strings were read');
    await withPage(async ({ page }) => {
      await openGerman(page);
      assert.match(await page.locator('.as-of').innerText(), /^Lage am \d{1,2}\. \S+ \d{4}$/);
      assert.equal(await page.getByRole('button', { name: 'Abspielen' }).count(), 1);
      await assertNoEnglish(page, 'start');
      await assertNothingOverflows(page, 'start');
      await screenshot(page, 'i18n-de-1280x720');

      await page.locator('.entity-lists button[data-kind="actor"][data-id="north-korea"]').click();
      await page.locator('aside.details').waitFor();
      await waitForMapIdle(page);
      assert.equal(await page.locator('.details .kind').textContent(), 'Akteur');
      await assertNoEnglish(page, 'North Korea details');
      await assertNothingOverflows(page, 'North Korea details');
      await screenshot(page, 'i18n-de-north-korea-1280x720');

      // The tooltip of a tick with several events (dates in German in its name).
      const tick = page.locator('.tick[aria-label^="5. Nov. 2024: "]');
      await tick.hover();
      await page.locator('.tick-label').waitFor();
      await assertNoEnglish(page, 'tick tooltip');
      await screenshot(page, 'i18n-de-tick-1280x720');
    });
  });

  it('fits at 1920×1080 with the details panel open', async () => {
    await withPage(
      async ({ page }) => {
        await openGerman(page, '/?lang=de#actor=north-korea');
        await page.locator('aside.details').waitFor();
        await waitForMapIdle(page);
        await assertNoEnglish(page, '1920×1080');
        await assertNothingOverflows(page, '1920×1080');
        await screenshot(page, 'i18n-de-north-korea-1920x1080');
      },
      { viewport: { width: 1920, height: 1080 } },
    );
  });

  it('the language switch changes the text and ?lang= in the URL, keeping the hash and other parameters', async () => {
    await withPage(async ({ page }) => {
      await withNameHelper(page);
      await page.goto(url('/?keep=1#actor=north-korea'));
      await waitForMapIdle(page);
      assert.match(await page.locator('.as-of').innerText(), /^Situation as of /);
      const select = page.getByRole('combobox', { name: 'Language' });
      await select.selectOption('de');
      await page.locator('html[lang="de"]').waitFor();
      await page.locator('.as-of', { hasText: 'Lage am' }).waitFor();
      const de = new URL(page.url());
      assert.equal(de.searchParams.get('lang'), 'de');
      assert.equal(de.searchParams.get('keep'), '1');
      assert.equal(de.hash, '#actor=north-korea');
      await waitForMapIdle(page);
      await assertNoEnglish(page, 'switched to German');

      await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
      await page.locator('html[lang="en"]').waitFor();
      await page.locator('.as-of', { hasText: 'Situation as of' }).waitFor();
      const en = new URL(page.url());
      assert.equal(en.searchParams.get('lang'), null);
      assert.equal(en.searchParams.get('keep'), '1');
      assert.equal(en.hash, '#actor=north-korea');
      assert.equal(await page.locator('.details .kind').textContent(), 'Actor');
      assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 1);

      // Reloading keeps the language chosen.
      await select.selectOption('de');
      await page.locator('html[lang="de"]').waitFor();
      await page.reload();
      await waitForMapIdle(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      assert.match(await page.locator('.as-of').innerText(), /^Lage am /);
    });
  });
});
