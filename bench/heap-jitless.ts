/**
 * Diagnosis for the memory figure of `npm run bench:load`: the JS heap after 1, 8 and 701 selection
 * changes (as the benchmark makes them) with V8 as usual and with its JIT off (`--jitless`), to
 * tell compiled code from data the app keeps. Needs a built app (dist/).
 *
 *   npx tsx bench/heap-jitless.ts
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, waitForMapIdle } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
const server = await startServer({ root: join(import.meta.dirname, '..', 'dist') });
const actors = ['united-states', 'china', 'north-korea', 'russia', 'ukraine', 'south-korea', 'nato'];
for (const jitless of [false, true]) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...(jitless ? ['--js-flags=--jitless'] : [])] });
  const ctx = await browser.newContext({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  await waitForMapIdle(page);
  const cdp = await ctx.newCDPSession(page);
  const heap = async () => { await waitForMapIdle(page); for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage'); return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1048576; };
  const run = (from: number, to: number) => page.evaluate(async ({ from, to, actors }) => {
    for (let s = from; s < to; s++) { const a = actors[s % actors.length]!; location.hash = `#actor=${a}`;
      while (document.querySelector('aside.details')?.getAttribute('data-id') !== a) await new Promise((r) => setTimeout(r, 0));
      if (s % 10 === 9) await new Promise((r) => requestAnimationFrame(r)); }
  }, { from, to, actors });
  await run(0, 1); const h1 = await heap();
  await run(1, 8); const h8 = await heap();
  await run(8, 701); const h700 = await heap();
  console.log(jitless ? 'jitless' : 'normal ', 'after 1:', h1.toFixed(2), 'after 8:', h8.toFixed(2), 'after 701:', h700.toFixed(2), 'MB', `(+${((h700 / h1 - 1) * 100).toFixed(1)} % vs 1st, +${((h700 / h8 - 1) * 100).toFixed(1)} % vs 8th)`);
  await browser.close();
}
await server.close();
