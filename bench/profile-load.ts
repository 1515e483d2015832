/**
 * Diagnosis for the load benchmark (bench/load-bench.ts): where the main thread's time goes in a
 * cold load and in a click on an actor. Not part of `npm run bench:load`; run it when a target is
 * missed:
 *
 *   npx tsx bench/profile-load.ts [kursk] [scale-100] [scale-1000] [scale-10000] [click] [memory] [--clicks 6] [--steps 1001]
 *
 * Builds a readable copy of the app (bench/vite.profile.config.ts: unminified, MapLibre's dev
 * build) into bench/fixtures/dist-profile-load, then records main-thread CPU profiles (CDP
 * Profiler, 500 µs sampling) of: a cold load of `/` (kursk) or `/?scenario=…scale-N.json`, from
 * navigation to the first map `idle`; and `click`: clicks on actor buttons (each after the map
 * is idle), profiled from just before the click to the end of the frame after the panel shows;
 * `memory`: heap snapshots (CDP) after the first selection change and after --steps more (`#actor=…`
 * as in the benchmark, ending on the same actor), compared by constructor: what the heap gained.
 * Prints per profile the time by bucket (app code, React, MapLibre, GC, …) and the top functions
 * by self and total time; writes the report to bench/fixtures/profile-load-report.md and the
 * profiles to bench/fixtures/profile-load-<name>.cpuprofile (open them in Chromium's DevTools).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
import { SCALE_SIZES, scaleFile, scaleUrl, writeScaleFixtures } from './generate-scale.ts';
import { VIEWPORT, log, outside } from './lib.ts';
import { summariseProfile, type CpuProfile, type ProfileNode } from './cpu-profile.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'bench', 'fixtures');
const DIST = join(FIXTURES, 'dist-profile-load');
const argv = process.argv.slice(2);
const clicksIdx = argv.indexOf('--clicks');
const CLICKS = clicksIdx >= 0 ? Number(argv[clicksIdx + 1]) : 6;
const stepsIdx = argv.indexOf('--steps');
const STEPS = stepsIdx >= 0 ? Number(argv[stepsIdx + 1]) : 1001;
const wanted = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--clicks' && argv[i - 1] !== '--steps');
const CASES = wanted.length ? wanted : ['kursk', 'scale-100', 'click'];


/** Which part of the code a frame belongs to, from its URL and name. */
function bucket(n: ProfileNode): string {
  const { url, functionName } = n.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native / browser)';
  if (/maplibre-[\w-]+\.js/.test(url)) return 'MapLibre (main thread)';
  if (/\/assets\/index-[\w-]+\.js/.test(url)) return 'app chunk (app code, React, zustand, turf)';
  if (/load-[\w-]+\.js/.test(url)) return 'validator (zod) on the main thread';
  return url.replace(/^https?:\/\/[^/]+/, '');
}


/** Takes a heap snapshot over CDP and sums it by node type and constructor name: count and self size. */
async function heapByConstructor(cdp: CDPSession): Promise<Map<string, { count: number; size: number }>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + iType]!]!;
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[snap.nodes[i + iName]!]! : `(${type})`;
    const key = `${name.slice(0, 60)} [${type}]`;
    const o = out.get(key) ?? { count: 0, size: 0 };
    o.count++;
    o.size += snap.nodes[i + iSize]!;
    out.set(key, o);
  }
  return out;
}

async function startProfiler(cdp: CDPSession) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}
async function stopProfiler(cdp: CDPSession, name: string): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  writeFileSync(join(FIXTURES, `profile-load-${name}.cpuprofile`), JSON.stringify(profile));
  return profile;
}

async function mapIdle(page: Page) {
  await page.waitForFunction(() => !!window.__sitmapMap, null, { timeout: 240_000, polling: 100 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__sitmapMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

async function main() {
  log('building a readable copy of the app into bench/fixtures/dist-profile-load…');
  execSync('npx vite build --config bench/vite.profile.config.ts', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (CASES.some((c) => c.startsWith('scale-')) && !SCALE_SIZES.every((n) => existsSync(scaleFile(n)))) writeScaleFixtures();
  mkdirSync(FIXTURES, { recursive: true });
  const server = await startServer({ root: DIST, mounts: { '/bench-fixtures/': FIXTURES } });
  const browser = await launchBrowser();
  const report: string[] = ['# Load profile (bench/profile-load.ts)', '', `Cases: ${CASES.join(', ')}; readable build (unminified, maplibre-gl-dev); viewport ${VIEWPORT.width}×${VIEWPORT.height}.`, ''];
  try {
    for (const c of CASES) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'no-preference' });
      context.on('request', (r) => {
        if (!/^(data|blob):|^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(r.url())) outside.push(r.url());
      });
      await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
      const page = await context.newPage();
      // A same-origin page first, so the profiler's session survives the navigation to the app.
      await page.goto(`${server.url}/basemap/README.md`);
      const cdp = await context.newCDPSession(page);
      if (c === 'memory') {
        await page.goto(`${server.url}/`);
        await mapIdle(page);
        const actors = await page.$$eval('nav[aria-label="Scenario contents"] button[data-kind="actor"]', (bs) => bs.map((b) => b.getAttribute('data-id')!));
        const steps = async (from: number, to: number) =>
          page.evaluate(
            async ({ from, to, actors }) => {
              for (let s = from; s < to; s++) {
                const id = actors[s % actors.length]!;
                location.hash = `#actor=${id}`;
                // Shown whole: the heading, then the claims (the panel's second render).
                const shown = () => {
                  const aside = document.querySelector('aside.details');
                  return aside?.getAttribute('data-id') === id && !!aside.querySelector('.details-claims:not([hidden])');
                };
                while (!shown()) await new Promise((r) => setTimeout(r, 0));
                if (s % 10 === 9) await new Promise((r) => requestAnimationFrame(r));
              }
            },
            { from, to, actors },
          );
        const settle = async () => {
          await mapIdle(page);
          for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        };
        await cdp.send('HeapProfiler.enable');
        await steps(0, 1);
        await settle();
        const used0 = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
        const a = await heapByConstructor(cdp);
        const last = Math.ceil(STEPS / actors.length) * actors.length + 1;
        await steps(1, last);
        await settle();
        const used1 = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
        const b = await heapByConstructor(cdp);
        const keys = new Set([...a.keys(), ...b.keys()]);
        const diff = [...keys]
          .map((k) => ({ k, dc: (b.get(k)?.count ?? 0) - (a.get(k)?.count ?? 0), ds: (b.get(k)?.size ?? 0) - (a.get(k)?.size ?? 0), n: b.get(k)?.count ?? 0 }))
          .sort((x, y) => y.ds - x.ds);
        const total = (m: Map<string, { size: number }>) => [...m.values()].reduce((s2, v) => s2 + v.size, 0);
        report.push(
          `## Heap after the 1st selection change vs after ${last} (\`#actor=…\`, same actor shown; snapshots after 3 × GC)`,
          '',
          `Runtime.getHeapUsage: ${(used0 / 1048576).toFixed(2)} MB → ${(used1 / 1048576).toFixed(2)} MB (${(((used1 / used0) - 1) * 100).toFixed(1)} %). Snapshot self sizes: ${(total(a) / 1048576).toFixed(2)} MB → ${(total(b) / 1048576).toFixed(2)} MB.`,
          '',
          '```',
          'Δ self size   Δ count   count after   constructor [node type]',
          ...diff.slice(0, 30).map((d) => `${(d.ds / 1024).toFixed(1).padStart(9)} KB ${String(d.dc).padStart(9)} ${String(d.n).padStart(13)}   ${d.k}`),
          '...',
          ...diff.slice(-5).map((d) => `${(d.ds / 1024).toFixed(1).padStart(9)} KB ${String(d.dc).padStart(9)} ${String(d.n).padStart(13)}   ${d.k}`),
          '```',
          '',
        );
      } else if (c === 'click') {
        await page.goto(`${server.url}/`);
        await mapIdle(page);
        const actors = await page.$$eval('nav[aria-label="Scenario contents"] button[data-kind="actor"]', (bs) => bs.map((b) => b.getAttribute('data-id')!));
        await startProfiler(cdp);
        for (let i = 0; i < CLICKS; i++) {
          const id = actors[i % actors.length]!;
          const button = page.locator(`nav[aria-label="Scenario contents"] button[data-kind="actor"][data-id="${id}"]`);
          await button.hover();
          await mapIdle(page);
          await button.click();
          await page.locator(`aside.details[data-id="${id}"]`).waitFor();
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await mapIdle(page);
        }
        const profile = await stopProfiler(cdp, 'click');
        report.push(`## ${CLICKS} clicks on actor buttons (hover, idle, click, panel shown, idle; all profiled)`, '', '```', ...summariseProfile(profile, { bucket }), '```', '');
      } else {
        const path = c === 'kursk' ? '/' : `/?scenario=${scaleUrl(Number(c.replace('scale-', '')))}`;
        await startProfiler(cdp);
        const t0 = Date.now();
        await page.goto(`${server.url}${path}`);
        await mapIdle(page);
        const ms = Date.now() - t0;
        const profile = await stopProfiler(cdp, c);
        report.push(`## Cold load of ${path} (to the first idle after the map exists: ${ms} ms wall)`, '', '```', ...summariseProfile(profile, { bucket }), '```', '');
      }
      log(`profiled ${c}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (outside.length) report.push(`**Requests outside 127.0.0.1: ${outside.join(', ')}**`);
  writeFileSync(join(FIXTURES, 'profile-load-report.md'), report.join('\n'));
  process.stdout.write(report.join('\n'));
}

await main();
