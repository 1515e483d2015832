/**
 * Diagnosis, not part of `npm run bench`: click on an actor → details painted (Event Timing, as in
 * the interaction section of `npm run bench:load`, condition as-is) for two or more builds side by
 * side in one browser, one page each, clicks interleaved (who goes first alternates).
 *
 *   npx vite build --outDir /tmp/dist-b            # the variant
 *   npx tsx bench/click-ab.ts dist /tmp/dist-b [--clicks 21] [--frozen]
 *
 * Prints per build the median and p75 of the interaction's duration, the median presentation
 * delay (handlers end → next paint) and every click's duration. `--frozen`: the map draws no frame
 * after the first idle (what the panel costs on its own).
 */
import { launchBrowser, waitForMapIdle } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
import type { Page } from 'playwright-core';
import { newPage } from './lib.ts';

type Entry = { name: string; id: number; dur: number; ps: number; pe: number; st: number };
type W = { __d: Entry[] };
const args = process.argv.slice(2);
const clicks = Number(args[args.indexOf('--clicks') + 1] || 21) || 21;
const frozen = args.includes('--frozen');
const dists = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--clicks');
const browser = await launchBrowser();
const actors = ['china', 'north-korea', 'russia', 'ukraine', 'south-korea', 'nato', 'united-states'];
const pages: Array<{ name: string; page: Page; close: () => Promise<void> }> = [];
const idle = (page: Page) => waitForMapIdle(page, 120_000, { drainGpu: true });
const settle = (page: Page) => frozen ? page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))) : idle(page);
for (const d of dists) {
  const server = await startServer({ root: d });
  const { page } = await newPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => !!window.__sitmapMap);
  await idle(page);
  await page.evaluate((fr: boolean) => {
    const w = window as unknown as W;
    w.__d = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as PerformanceEventTiming[]) w.__d.push({ name: e.name, id: e.interactionId, dur: e.duration, ps: e.processingStart, pe: e.processingEnd, st: e.startTime });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    if (fr) window.__sitmapMap!.triggerRepaint = () => {};
  }, frozen);
  pages.push({ name: d, page, close: () => server.close() });
}
const res: Record<string, number[]> = {};
const pres: Record<string, number[]> = {};
for (let i = 0; i < clicks; i++) {
  for (const p of i % 2 ? [...pages].reverse() : pages) {
    const b = p.page.getByRole('navigation', { name: 'Scenario contents' }).locator(`button[data-kind="actor"][data-id="${actors[i % 7]}"]`);
    await b.hover(); await settle(p.page);
    await p.page.evaluate(() => { (window as unknown as W).__d = []; });
    await b.click();
    await settle(p.page);
    // Event Timing entries arrive after the frame is presented: up to 2 s.
    const got = await p.page.evaluate(async () => {
      const w = window as unknown as W;
      for (let k = 0; k < 40 && !w.__d.some((e) => e.name === 'click'); k++) await new Promise((r) => setTimeout(r, 50));
      return w.__d;
    });
    const click = got.find((e) => e.name === 'click');
    const same = click ? got.filter((e) => e.id === click.id) : [];
    (res[p.name] ??= []).push(same.length ? Math.max(...same.map((e) => e.dur)) : 16);
    (pres[p.name] ??= []).push(click ? click.st + click.dur - click.pe : NaN);
  }
}
const q = (a: number[], f: number) => [...a].sort((x, y) => x - y)[Math.floor(a.length * f)];
for (const p of pages) {
  const d = res[p.name]!;
  console.log(p.name.padEnd(24), 'median', q(d, 0.5), 'p75', q(d, 0.75), 'pres median', q(pres[p.name]!.filter((x) => !isNaN(x)), 0.5)?.toFixed(1), '|', d.join(' '));
  await p.close();
}
await browser.close();
