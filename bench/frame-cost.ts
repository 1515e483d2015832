/**
 * Diagnosis: what one frame of the map costs, synchronously, with the moving-units layer hidden
 * and shown, for one or more builds side by side in one browser (interleaved). Not part of
 * `npm run bench`; frame intervals of the benchmarks are noisier than this on a shared machine.
 *
 *   npx tsx bench/frame-cost.ts [dist-dir ...] [--date 2024-08-01] [--rounds 16]
 *
 * A frame here is `map.redraw()` (MapLibre renders synchronously) and a 1-pixel `readPixels`,
 * which returns once the GPU process (SwiftShader) has executed the frame (Chromium's
 * `gl.finish()` does not wait). Six frames per condition and round; medians over all rounds.
 * Scenario: the generated 10,000-unit fixture (bench/fixtures/generated-10k.json, written by
 * bench/generate-scenario.ts), at the date given.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
import { writeGeneratedScenario } from './generate-scenario.ts';
import { median, openSitmap } from './lib.ts';

const ROOT = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : fallback);
const DATE = opt('date', '2024-08-01');
const ROUNDS = Number(opt('rounds', '16'));
const dists = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!dists.length) dists.push('dist');
if (!existsSync(join(ROOT, 'bench', 'fixtures', 'generated-10k.json'))) writeGeneratedScenario();

const browser = await launchBrowser();
const servers: Array<{ close(): Promise<void> }> = [];
const pages: Page[] = [];
for (const d of dists) {
  const server = await startServer({ root: isAbsolute(d) ? d : join(ROOT, d), mounts: { '/bench-fixtures/': join(ROOT, 'bench', 'fixtures') } });
  servers.push(server);
  const { page } = await openSitmap(browser, server.url, '/?scenario=/bench-fixtures/generated-10k.json', DATE);
  await waitForMapIdle(page);
  pages.push(page);
}
const frames = (page: Page, show: boolean) =>
  page.evaluate((show) => {
    const map = window.__sitmapMap!;
    (map.getLayer('moving-units') as unknown as { implementation: { setVisible(v: boolean): void } }).implementation.setVisible(show);
    const gl = map.getCanvas().getContext('webgl2')!;
    const px = new Uint8Array(4);
    map.redraw();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    const out: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      map.redraw();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      out.push(performance.now() - t0);
    }
    return out;
  }, show);
const res = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  const order = pages.flatMap((_, p) => [[p, false], [p, true]] as const);
  for (const [p, show] of round % 2 ? order.reverse() : order) {
    const key = `${p} ${show}`;
    res.set(key, [...(res.get(key) ?? []), ...(await frames(pages[p]!, show))]);
  }
}
console.log(`generated 10k at ${DATE}, ${ROUNDS} rounds × 6 frames per condition, medians (ms):`);
console.log('| build | units hidden | units shown | units layer | ratio |\n|---|---:|---:|---:|---:|');
dists.forEach((d, p) => {
  const h = median(res.get(`${p} false`)!);
  const v = median(res.get(`${p} true`)!);
  console.log(`| ${d} | ${h.toFixed(1)} | ${v.toFixed(1)} | ${(v - h).toFixed(1)} | ${(v / h).toFixed(3)} |`);
});
await browser.close();
for (const s of servers) await s.close();
