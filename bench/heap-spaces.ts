/**
 * Diagnosis, not part of `npm run bench`: the page's V8 heap by space (code, trusted, old, …)
 * after the 1st selection change and after N more, made as the memory section of
 * `npm run bench:load` makes them (`#actor=…`, each shown whole, reducedMotion reduce), each
 * after the map's idle and 3 × GC. Sizes from a Chromium memory-infra dump (CDP
 * `Tracing.requestMemoryDump`): what grows, compiled code or objects.
 *
 * With `--briefing`: briefing steps instead, made as that section makes them (the Kursk briefing's
 * audience view stepped with → and Home, each waited for until the map settled).
 *
 *   npx tsx bench/heap-spaces.ts [--root=dist] [--steps=1002] [--briefing]
 */
import { launchBrowser, waitForMapIdle } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
import { VIEWPORT } from './lib.ts';
const root = process.argv.find((a) => a.startsWith('--root='))?.slice(7) ?? 'dist';
const BRIEFING = process.argv.includes('--briefing');
const STEPS = Number(process.argv.find((a) => a.startsWith('--steps='))?.slice(8) ?? 1002);
const server = await startServer({ root });
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'reduce' });
await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
const page = await context.newPage();
await page.goto(`${server.url}/${BRIEFING ? '#briefing=kursk&step=1' : ''}`);
await page.waitForFunction(() => !!window.__sitmapMap);
if (BRIEFING) await page.locator('.briefing-audience[data-settled="1"]').waitFor({ timeout: 180_000 });
const idle = () => waitForMapIdle(page, 120_000);
await idle();
const cdp = await context.newCDPSession(page);
await cdp.send('HeapProfiler.enable');
const bcdp = await browser.newBrowserCDPSession();
const actors = ['china', 'north-korea', 'russia', 'ukraine', 'south-korea', 'nato', 'united-states'];
async function dump(label: string) {
  await idle();
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const events: Array<{ pid: number; args?: { dumps?: { allocators?: Record<string, { attrs?: Record<string, { value: string }> }> } } }> = [];
  const onData = (e: { value: unknown[] }) => events.push(...(e.value as typeof events));
  bcdp.on('Tracing.dataCollected', onData);
  await bcdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'] }, transferMode: 'ReportEvents' });
  await bcdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  const done = new Promise((r) => bcdp.once('Tracing.tracingComplete', r));
  await bcdp.send('Tracing.end');
  await done;
  bcdp.off('Tracing.dataCollected', onData);
  const out: Record<string, number> = {};
  for (const e of events) {
    const alloc = e.args?.dumps?.allocators;
    if (!alloc) continue;
    for (const [k, v] of Object.entries(alloc)) {
      const m = /^v8\/main\/heap\/([a-z_]+)$/.exec(k) ?? /^v8\/isolate_0x[0-9a-f]+\/heap_spaces\/([a-z_]+)$/.exec(k) ?? /^v8\/main\/(malloc|zone)$/.exec(k);
      if (!m) continue;
      const size = parseInt(v.attrs?.allocated_objects_size?.value ?? v.attrs?.size?.value ?? '0', 16);
      const key = `${e.pid}:${m[1]}`;
      out[key] = Math.max(out[key] ?? 0, size);
    }
  }
  console.log(label, 'used', (usage.usedSize / 1e6).toFixed(2), 'MB');
  return out;
}
async function steps(from: number, to: number) {
  if (BRIEFING) {
    // Steps 1..9 in turn, Home from the last; `from` changes made so far (step from % 9 + 1 shown).
    for (let c = from; c < to; c++) {
      const shown = (c % 9) + 1;
      const next = shown === 9 ? 1 : shown + 1;
      await page.keyboard.press(shown === 9 ? 'Home' : 'ArrowRight');
      await page.locator(`.briefing-audience[data-settled="${next}"]`).waitFor({ timeout: 60_000 });
    }
    return;
  }
  await page.evaluate(async ({ from, to, actors }) => {
    for (let s = from; s < to; s++) {
      const a = actors[s % actors.length]!;
      location.hash = `#actor=${a}`;
      const shown = () => { const aside = document.querySelector('aside.details'); return aside?.getAttribute('data-id') === a && !!aside.querySelector('.details-claims:not([hidden])'); };
      while (!shown()) await new Promise((r) => setTimeout(r, 0));
      if (s % 10 === 9) await new Promise((r) => requestAnimationFrame(r));
    }
  }, { from, to, actors });
}
await steps(0, 1);
const a = await dump('after 1');
await steps(1, STEPS);
const b = await dump(`after ${STEPS}`);
const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
for (const k of keys) { const x = a[k] ?? 0, y = b[k] ?? 0; if (x || y) console.log(k.padEnd(40), (x / 1e6).toFixed(3).padStart(8), '→', (y / 1e6).toFixed(3).padStart(8), 'MB', ((y - x) / 1e6 >= 0 ? '+' : '') + ((y - x) / 1e6).toFixed(3)); }
await browser.close(); await server.close();
