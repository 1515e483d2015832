/**
 * Diagnosis for the playback benchmark: where a playback frame's time goes. Not part of
 * `npm run bench:time`; run it when a target is missed:
 *
 *   npx tsx bench/profile-playback.ts [kursk|generated ...] [--seconds 4]
 *
 * Builds an unminified copy of the app into bench/fixtures/dist-profile (so a CPU profile names
 * functions), then for each scenario at its playback start date:
 *  1. frame times of the map redrawing every frame (a triggerRepaint loop, nothing playing) with
 *     parts switched on and off: nothing of the movements, route lines only, moving units only,
 *     both; and the units layer cut (page-side, a prototype of the proposed fix) to the route
 *     segments a unit can be on within a day of the time shown;
 *  2. playback at 1 week/s against the ceiling, as the benchmark does, with and without that cut;
 *  3. a main-thread CPU profile (CDP) of playback, summarised by function (self and total time),
 *     written in full to bench/fixtures/profile-<scenario>.cpuprofile (open it in DevTools).
 * Prints a report to stdout and writes it to bench/fixtures/profile-report.md.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
import { writeGeneratedScenario } from './generate-scenario.ts';
import { deltas, drainGpu, f1, f2, log, median, openSitmap, outside, pct, recordFrames, scrubSitmap, setMovements, setSpeed } from './lib.ts';
import { summariseProfile, type CpuProfile } from './cpu-profile.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'bench', 'fixtures');
const DIST = join(FIXTURES, 'dist-profile');
const argv = process.argv.slice(2);
const secIdx = argv.indexOf('--seconds');
const SECONDS = secIdx >= 0 ? Number(argv[secIdx + 1]) : 4;
const wanted = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--seconds');
const CASES = [
  { key: 'kursk', path: '/', start: '2024-10-01' },
  { key: 'generated', path: '/?scenario=/bench-fixtures/generated-10k.json', start: '2024-08-01' },
].filter((c) => !wanted.length || wanted.includes(c.key));

const MOVEMENT_LINE_LAYERS = ['route-sea', 'route-air', 'route-land', 'movement-sea', 'movement-air', 'movement-land', 'movement-hit'];
const UNITS = `window.__sitmapMap.style._layers['moving-units'].implementation`;

/** Frame intervals (ms) of the map redrawing every frame for SECONDS (at least 5 intervals). */
async function redraw(page: Page): Promise<number[]> {
  await waitForMapIdle(page, 180_000);
  await drainGpu(page);
  return deltas((await recordFrames(page, 'ceiling', SECONDS * 1000, 5)).renders);
}

const row = (name: string, fr: number[], ref?: number[]) =>
  `| ${name} | ${fr.length} | ${f1(median(fr))} | ${f1(pct(fr, 0.95))} | ${ref ? f2(pct(fr, 0.95) / pct(ref, 0.95)) : '1.00'} |`;


async function playbackVsCeiling(page: Page, start: string, runs = 3) {
  const a: number[] = [];
  const b: number[] = [];
  await setSpeed(page, '7');
  for (let run = 0; run < runs; run++) {
    // The ceiling of `npm run bench:time`: the same map without the moving units layer.
    await page.evaluate(`${UNITS}.setVisible(false)`);
    await drainGpu(page);
    a.push(...deltas((await recordFrames(page, 'ceiling', SECONDS * 1000, 5)).renders));
    await page.evaluate(`${UNITS}.setVisible(true)`);
    await drainGpu(page);
    const rec = await recordFrames(page, 'playback', SECONDS * 1000, 5);
    b.push(...deltas(rec.renders));
    await waitForMapIdle(page, 180_000);
    if (rec.endDate !== start) await scrubSitmap(page, start);
  }
  return { a, b };
}


async function main() {
  log('building an unminified copy of the app into bench/fixtures/dist-profile…');
  execSync(`npx vite build --minify false --outDir ${DIST} --emptyOutDir`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(FIXTURES, 'generated-10k.json'))) writeGeneratedScenario();
  mkdirSync(FIXTURES, { recursive: true });
  const server = await startServer({ root: DIST, mounts: { '/bench-fixtures/': FIXTURES } });
  const browser = await launchBrowser();
  const report: string[] = [`# Playback profile (${new Date().toISOString().slice(0, 16)} UTC, ${SECONDS} s per condition)`, ''];
  try {
    for (const c of CASES) {
      log(`${c.key}: redraw with parts on and off`);
      const { context, page } = await openSitmap(browser, server.url, c.path, c.start);
      const count = (await page.evaluate(`${UNITS}.segmentCount`)) as number;
      const underWay = (await page.evaluate(`${UNITS}.unitSegments`)) as number;
      report.push(`## ${c.key} at ${c.start}`, '', `Units layer: ${count.toLocaleString('en')} route segments in all; ${underWay.toLocaleString('en')} in the units buffer on this day (legs under way).`, '');
      report.push('### Redrawing every frame, nothing playing', '', '| what is drawn | frames | median ms | p95 ms | p95 / ceiling |', '|---|---:|---:|---:|---:|');
      await setMovements(page, false);
      const ceiling = await redraw(page);
      report.push(row('ceiling: Movements off', ceiling));
      await setMovements(page, true);
      report.push(row('Movements on: route lines + units', await redraw(page), ceiling));
      await page.evaluate(`${UNITS}.setVisible(false)`);
      report.push(row('route lines only (units layer hidden)', await redraw(page), ceiling));
      await page.evaluate(`(() => { ${UNITS}.setVisible(true); for (const id of ${JSON.stringify(MOVEMENT_LINE_LAYERS)}) window.__sitmapMap.setLayoutProperty(id, 'visibility', 'none'); })()`);
      report.push(row('units layer only (route line layers hidden)', await redraw(page), ceiling));
      await context.close();

      for (const cut of [false]) {
        log(`${c.key}: playback vs ceiling`);
        const s = await openSitmap(browser, server.url, c.path, c.start);
        const cdp = await s.context.newCDPSession(s.page);
        const { a, b } = await playbackVsCeiling(s.page, c.start, 2);
        // One more playback under the CPU profiler.
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
        const rec = await recordFrames(s.page, 'playback', SECONDS * 1000, 5);
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        const file = join(FIXTURES, `profile-${c.key}${cut ? '-cut' : ''}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        report.push(
          '',
          `### Playback at 1 week/s vs ceiling${cut ? ', units cut to the day (prototype fix)' : ', as built'}`,
          '',
          '| condition | frames | median ms | p95 ms | p95 / ceiling |',
          '|---|---:|---:|---:|---:|',
          row('A ceiling', a),
          row('B playback', b, a),
          '',
          `Profiled playback: ${rec.startDate} → ${rec.endDate}, ${rec.renders.length} frames in ${f1(rec.elapsed)} ms; profile in ${file.replace(ROOT + '/', '')}.`,
          '',
          '```',
          ...summariseProfile(profile, { top: 30 }),
          '```',
        );
        await s.context.close();
      }
      report.push('');
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (outside.length) report.push(`**${outside.length} request(s) outside 127.0.0.1 were aborted.**`);
  const text = report.join('\n');
  writeFileSync(join(FIXTURES, 'profile-report.md'), text);
  process.stdout.write(`${text}\n`);
}


await main();
