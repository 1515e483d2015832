/**
 * `npm run bench:time`: playback frame times and scrub latency of the built app in headless
 * Chromium (software GL, 800×600, pixel ratio 1), each measured side by side with its reference in
 * the same run: playback against the same map redrawing with no moving units (the ceiling), a
 * scrub against bare MapLibre showing the same data. Writes bench/results/time.md, which
 * bench/assemble.ts puts into bench/RESULTS.md (raw figures in bench/fixtures/time-bench-raw.json).
 * Never part of the tests: timings are reported, not asserted.
 *
 * Flags: --runs N (default 5), --seconds S per playback condition (default 4), --skip-build,
 *        --only playback|scrub, --scenarios kursk|generated|kursk,generated, --extra (adds a late
 *        playback window on the generated scenario), --report-only (re-render the results of the last
 *        run from bench/fixtures/time-bench-raw.json).
 */
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from '../e2e/harness.ts';
import { startServer } from '../e2e/server.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { localizeScenario } from '../src/scenario/localize.ts';
import { GENERATED, writeGeneratedScenario } from './generate-scenario.ts';
import { writeBareFixtures, writeBareFonts } from './bare-data.ts';
import {
  VIEWPORT,
  deltas,
  f1,
  f2,
  log,
  median,
  newPage,
  openSitmap,
  outside,
  pageErrors,
  pct,
  recordFrames,
  drainGpu,
  scrubSitmap,
  setMovements,
  setSpeed,
  writeAtomic,
  type Mode,
  type ScrubTiming,
} from './lib.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
/** The copy of dist/ this run serves. */
const APP = join(ROOT, 'bench', 'fixtures', `time-dist-${process.pid}`);
const RAW = join(ROOT, 'bench', 'fixtures', 'time-bench-raw.json');

// ---------- options ----------
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
/** At least 5 for figures worth reporting; fewer only for a smoke test (RESULTS.md then says so). */
const RUNS = Math.max(1, Number(opt('runs', '5')));
const SECONDS = Number(opt('seconds', '4'));
const SKIP_BUILD = argv.includes('--skip-build');
const ONLY = opt('only', 'all');
/** A condition is recorded for SECONDS, or longer (up to 90 s) until it has this many frame intervals. */
const MIN_FRAMES = 5;
const EXTRA = argv.includes('--extra');
const PLAYBACK_SPEED = '7'; // 1 week of scenario time per second
const PLAYBACK_TARGET = 1.15;
const SCRUB_TARGET = 1.25;
const verdict = (ratio: number, target: number) => (ratio <= target ? 'PASS' : 'MISS');

interface ScenarioCase {
  key: 'kursk' | 'generated';
  label: string;
  /** App URL path (before the hash). */
  path: string;
  file: string;
  scrubDates: string[];
}
const SCENARIOS: ScenarioCase[] = [
  {
    key: 'kursk',
    label: 'Kursk (built-in, 9 movements)',
    path: '/',
    file: join(ROOT, 'data/scenarios/kursk-2024/scenario.json'),
    scrubDates: ['2024-08-15', '2024-10-10', '2024-10-25', '2024-11-10', '2025-02-01'],
  },
  {
    key: 'generated',
    label: 'Generated (10,000 moving units on 1,000 routes)',
    path: '/?scenario=/bench-fixtures/generated-10k.json',
    file: GENERATED,
    scrubDates: ['2024-07-25', '2024-08-30', '2024-10-05', '2024-11-10', '2024-12-20'],
  },
];
/** Playback windows: SECONDS at 1 week/s from `start`. The late window is extra, for scaling. */
const ALL_PLAYBACK_CASES: Array<{ scenario: ScenarioCase['key']; start: string; note: string }> = [
  { scenario: 'kursk', start: '2024-10-01', note: 'from 1 Oct 2024: the sea, air and land legs of October' },
  { scenario: 'generated', start: '2024-08-01', note: 'early in the span: ~1,500 legs begun by 1 Aug, ~800 of them under way on any day' },
  { scenario: 'generated', start: '2024-11-15', note: 'late in the span (extra, with --extra): ~7,900 legs begun by 15 Nov, ~800 under way on any day' },
];
/** --scenarios kursk,generated (default both): a subset, e.g. for a quick check of the script. */
const ONLY_SCENARIOS = opt('scenarios', 'kursk,generated').split(',');
const PLAYBACK_CASES = ALL_PLAYBACK_CASES.filter((c) => (EXTRA || !c.note.includes('(extra')) && ONLY_SCENARIOS.includes(c.scenario));

// ---------- playback ----------
interface PlaybackRun {
  run: number;
  order: Mode[];
  ceiling: { frames: number[]; rafFrames: number[]; durationMs: number };
  /** The map with every movement layer off (route lines too): the stricter reference, reported beside. */
  empty?: { frames: number[]; rafFrames: number[]; durationMs: number };
  playback: { frames: number[]; rafFrames: number[]; durationMs: number; from: string | null; to: string | null };
}
interface PlaybackResult {
  scenario: string;
  label: string;
  start: string;
  note: string;
  mapSize: { width: number; height: number };
  runs: PlaybackRun[];
}

async function benchPlayback(browser: Browser, base: string, sc: ScenarioCase, start: string, note: string): Promise<PlaybackResult> {
  const { context, page } = await openSitmap(browser, base, sc.path, start);
  const mapSize = await page.evaluate(() => ({ width: window.__sitmapMap!.getCanvas().width, height: window.__sitmapMap!.getCanvas().height }));
  await setSpeed(page, PLAYBACK_SPEED);
  const runs: PlaybackRun[] = [];
  type Cond = Mode | 'empty';
  const measure = async (mode: Cond, ms: number, minFrames: number) => {
    // Ceiling: the same map, movements' route lines on, the moving units layer (units and the
    // trails growing behind them) not drawn, nothing playing. Empty: all movement layers off.
    await setMovements(page, mode !== 'empty');
    await page.evaluate((show) => {
      const units = (window.__sitmapMap!.getLayer('moving-units') as unknown as { implementation: { setVisible(v: boolean): void } } | undefined)?.implementation;
      if (!units) throw new Error('no moving-units layer');
      units.setVisible(show);
    }, mode === 'playback');
    await drainGpu(page);
    const rec = await recordFrames(page, mode === 'playback' ? 'playback' : 'ceiling', ms, minFrames);
    if (mode === 'playback') {
      await waitForMapIdle(page, 180_000);
      // Back to the start date for the next run (if playback left its first day at all).
      if (rec.endDate !== start) await scrubSitmap(page, start);
    }
    const frames = deltas(rec.renders);
    return { frames, rafFrames: deltas(rec.rafs), durationMs: rec.elapsed, from: rec.startDate, to: rec.endDate };
  };
  // Warm-up (not recorded): shaders, JIT, first tile parses of both states.
  await measure('ceiling', 1500, 2);
  await measure('playback', 1500, 2);
  for (let run = 0; run < RUNS; run++) {
    const order: Cond[] = run % 2 === 0 ? ['ceiling', 'playback', 'empty'] : ['empty', 'playback', 'ceiling'];
    const got: Partial<Record<Cond, Awaited<ReturnType<typeof measure>>>> = {};
    for (const mode of order) got[mode] = await measure(mode, SECONDS * 1000, MIN_FRAMES);
    const c = got.ceiling!;
    const p = got.playback!;
    const e = got.empty!;
    runs.push({
      run,
      order: order.filter((m): m is Mode => m !== 'empty'),
      ceiling: { frames: c.frames, rafFrames: c.rafFrames, durationMs: c.durationMs },
      playback: { frames: p.frames, rafFrames: p.rafFrames, durationMs: p.durationMs, from: p.from, to: p.to },
      empty: { frames: e.frames, rafFrames: e.rafFrames, durationMs: e.durationMs },
    });
    log(`  ${sc.key}@${start} run ${run + 1}/${RUNS}: ceiling p95 ${f1(pct(c.frames, 0.95))} ms (${c.frames.length} frames), playback p95 ${f1(pct(p.frames, 0.95))} ms (${p.frames.length} frames, ${p.from} → ${p.to})`);
  }
  await context.close();
  return { scenario: sc.key, label: sc.label, start, note, mapSize, runs };
}

// ---------- scrub ----------
type ScrubCond = 'sitmap' | 'bare' | 'bareUnits';
interface ScrubSample {
  run: number;
  date: string;
  cond: ScrubCond;
  /** To the map's next idle. */
  ms: number;
  /** To idle and a 1-pixel readPixels (waits for the GPU). */
  drawn: number;
  commit?: number;
  setData?: boolean;
}
interface ScrubResult {
  scenario: string;
  label: string;
  dates: string[];
  camera: { width: number; height: number; lng: number; lat: number; zoom: number };
  samples: ScrubSample[];
}

async function benchScrub(browser: Browser, base: string, sc: ScenarioCase, dataUrl: string): Promise<ScrubResult> {
  const dates = sc.scrubDates;
  const sitmap = await openSitmap(browser, base, sc.path, dates.at(-2)!);
  const camera = await sitmap.page.evaluate(() => {
    const map = window.__sitmapMap!;
    const c = map.getCenter();
    return { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight, lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
  const openBare = async (units: boolean) => {
    const p = await newPage(browser);
    const q = new URLSearchParams({ data: dataUrl, units: units ? '1' : '0', w: String(camera.width), h: String(camera.height), lng: String(camera.lng), lat: String(camera.lat), zoom: String(camera.zoom) });
    await p.page.goto(`${base}/bench/bare.html?${q}`);
    await p.page.waitForFunction(() => window.__bare?.ready === true, null, { timeout: 180_000, polling: 200 });
    return p;
  };
  const bare = await openBare(false);
  const bareUnits = await openBare(true);
  const pages: Record<ScrubCond, Page> = { sitmap: sitmap.page, bare: bare.page, bareUnits: bareUnits.page };
  const one = async (cond: ScrubCond, date: string): Promise<ScrubTiming> => {
    // Each measurement ends with a 1-pixel readPixels, which waits for the GPU (gl.finish() does not in Chromium), so none leaves work in the shared GPU process for the next.
    if (cond === 'sitmap') return scrubSitmap(pages.sitmap, date);
    const r = await pages[cond].evaluate((d) => window.__bare!.show(d), date);
    return { total: r.idle, drawn: r.drawn };
  };
  // Warm-up (not recorded): Sitmap opened on the last date but one; each page then shows the last
  // date, so that run 1 starts from the same date as the others.
  for (const cond of ['bare', 'bareUnits'] as const) await one(cond, dates.at(-2)!);
  for (const cond of ['sitmap', 'bare', 'bareUnits'] as const) await one(cond, dates.at(-1)!);
  const samples: ScrubSample[] = [];
  const conds: ScrubCond[] = ['sitmap', 'bare', 'bareUnits'];
  for (let run = 0; run < RUNS; run++) {
    for (const [i, date] of dates.entries()) {
      const k = (run + i) % conds.length;
      const order = [...conds.slice(k), ...conds.slice(0, k)]; // rotate who goes first
      for (const cond of order) {
        const r = await one(cond, date);
        samples.push({ run, date, cond, ms: r.total, drawn: r.drawn, commit: r.commit, setData: r.setData });
      }
    }
    const of = (c: ScrubCond) => median(samples.filter((s) => s.run === run && s.cond === c).map((s) => s.ms));
    log(`  scrub ${sc.key} run ${run + 1}/${RUNS}: median Sitmap ${f1(of('sitmap'))} ms, bare ${f1(of('bare'))} ms, bare+units ${f1(of('bareUnits'))} ms`);
  }
  for (const p of [sitmap, bare, bareUnits]) await p.context.close();
  return { scenario: sc.key, label: sc.label, dates, camera, samples };
}

// ---------- report ----------
function machine(browserVersion: string) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model ?? '?';
  const mem = readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s*(\d+)/)?.[1];
  let git = '?';
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    const dirty = execSync('git status --porcelain -- src index.html vite.config.ts', { cwd: ROOT }).toString().trim().split('\n').filter(Boolean).length;
    git = `${head}${dirty ? ` + ${dirty} uncommitted change(s) in src/ at build time` : ''}`;
  } catch {
    /* not a git checkout */
  }
  return {
    nproc: os.availableParallelism(),
    cpu,
    memGiB: mem ? (Number(mem) / 1024 / 1024).toFixed(1) : '?',
    chromium: browserVersion,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    git,
  };
}

function playbackSection(r: PlaybackResult): string {
  type K = 'ceiling' | 'playback' | 'empty';
  const all = (k: K) => r.runs.flatMap((x) => x[k]?.frames ?? []);
  const row = (name: string, k: K) => {
    const fr = all(k);
    const secs = r.runs.reduce((s, x) => s + (x[k]?.durationMs ?? 0), 0) / 1000;
    const runP95 = r.runs.map((x) => pct(x[k]?.frames ?? [], 0.95));
    return `| ${name} | ${r.runs.length} | ${fr.length} | ${f1(median(fr))} | ${f1(pct(fr, 0.95))} | ${f1(Math.min(...fr))} | ${f1(Math.max(...fr))} | ${f1(fr.length / secs)} | ${f1(Math.min(...runP95))}–${f1(Math.max(...runP95))} |`;
  };
  const c = all('ceiling');
  const p = all('playback');
  const ratio = pct(p, 0.95) / pct(c, 0.95);
  const medRatio = pct(p, 0.5) / pct(c, 0.5);
  const perRun = r.runs.map((x) => pct(x.playback.frames, 0.95) / pct(x.ceiling.frames, 0.95));
  const slow = (fr: number[], ms: number) => fr.filter((x) => x > ms).length;
  const lines = [
    `### ${r.label}: playback from ${r.start}`,
    '',
    `${r.note}. Map canvas ${r.mapSize.width}×${r.mapSize.height} px. Playback covered ${r.runs.map((x) => `${x.playback.from}→${x.playback.to}`).filter((v, i, a) => a.indexOf(v) === i).join(', ')}.`,
    '',
    '| condition | runs | frames | median ms | p95 ms | min ms | max ms | fps | per-run p95 range ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('A ceiling: the same map (route lines of legs over) without the moving units layer, triggerRepaint every frame', 'ceiling'),
    row('B playback: moving units on, 1 week/s', 'playback'),
    ...(all('empty').length ? [row('A0 reference: every movement layer off, triggerRepaint every frame', 'empty')] : []),
    '',
    `**p95(B)/p95(A) = ${f2(ratio)} → ${verdict(ratio, PLAYBACK_TARGET)}** (target ≤ ${PLAYBACK_TARGET}). Median ratio ${f2(medRatio)}; per-run p95 ratios ${perRun.map(f2).join(', ')} (median ${f2(median(perRun))}). Frames > 100 ms: A ${slow(c, 100)}, B ${slow(p, 100)}; > 250 ms: A ${slow(c, 250)}, B ${slow(p, 250)}.${all('empty').length ? ` Against A0 (no movement layers at all): p95(B)/p95(A0) = ${f2(pct(p, 0.95) / pct(all('empty'), 0.95))}.` : ''}`,
    '',
  ];
  return lines.join('\n');
}

function scrubSection(r: ScrubResult): string {
  const of = (date: string | null, cond: ScrubCond) => r.samples.filter((s) => (date === null || s.date === date) && s.cond === cond);
  const lines = [
    `### ${r.label}: scrub`,
    '',
    `Map ${r.camera.width}×${r.camera.height} px, same camera on all pages (zoom ${f2(r.camera.zoom)}). ${RUNS} runs per date and condition, interleaved. Times in ms from setting the date to the map's next \`idle\` (verdict), and to a 1-pixel \`gl.readPixels\` returning after that idle ("drawn": SwiftShader has executed the frame). "commit" is Sitmap's part before React committed the new date (deriving the day's features and the setData/setFilter calls, main thread).`,
    '',
    '| date | Sitmap idle median | p95 | min–max | commit median | bare idle median | p95 | min–max | **Sitmap / bare** | verdict | Sitmap drawn | bare drawn | drawn ratio | bare+units idle | Sitmap / bare+units |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
  ];
  const ratios: number[] = [];
  for (const date of [...r.dates, null]) {
    const sm = of(date, 'sitmap');
    const s = sm.map((x) => x.ms);
    const b = of(date, 'bare').map((x) => x.ms);
    const u = of(date, 'bareUnits').map((x) => x.ms);
    const sd = sm.map((x) => x.drawn);
    const bd = of(date, 'bare').map((x) => x.drawn);
    const commit = sm.map((x) => x.commit ?? NaN);
    const ratio = median(s) / median(b);
    if (date) ratios.push(ratio);
    const name = date ?? '**all dates (pooled)**';
    lines.push(
      `| ${name} | ${f1(median(s))} | ${f1(pct(s, 0.95))} | ${f1(Math.min(...s))}–${f1(Math.max(...s))} | ${f1(median(commit))} | ${f1(median(b))} | ${f1(pct(b, 0.95))} | ${f1(Math.min(...b))}–${f1(Math.max(...b))} | **${f2(ratio)}** | ${date ? verdict(ratio, SCRUB_TARGET) : ''} | ${f1(median(sd))} | ${f1(median(bd))} | ${f2(median(sd) / median(bd))} | ${f1(median(u))} | ${f2(median(s) / median(u))} |`,
    );
  }
  const worst = Math.max(...ratios);
  lines.push('', `**Worst date: Sitmap/bare = ${f2(worst)} → ${verdict(worst, SCRUB_TARGET)}** (target ≤ ${SCRUB_TARGET} on every date).`, '');
  return lines.join('\n');
}

/** The "what this means" paragraph, from the figures of this run. */
function meaning(playback: PlaybackResult[], scrub: ScrubResult[]): string[] {
  const out: string[] = [];
  for (const r of playback) {
    const c = r.runs.flatMap((x) => x.ceiling.frames);
    const p = r.runs.flatMap((x) => x.playback.frames);
    const ratio = pct(p, 0.95) / pct(c, 0.95);
    const medianRatio = median(p) / median(c);
    const fps = (k: 'ceiling' | 'playback') => r.runs.reduce((n, x) => n + x[k].frames.length, 0) / (r.runs.reduce((t, x) => t + x[k].durationMs, 0) / 1000);
    out.push(
      `- **Playback, ${r.label} from ${r.start}: ${verdict(ratio, PLAYBACK_TARGET)}.** ` +
        (ratio <= PLAYBACK_TARGET
          ? `Playing at 1 week/s, the slowest 5 % of frames take ${f2(ratio)}× as long as when the same map merely redraws (${f1(fps('playback'))} vs ${f1(fps('ceiling'))} fps), within the target of 1.15×; the median frame takes ${f2(medianRatio)}×${medianRatio > PLAYBACK_TARGET ? ', so the typical frame still pays for the moving units more than the slowest ones show' : ''}.`
          : `Playing at 1 week/s, the slowest 5 % of frames take ${f2(ratio)}× as long as when the same map merely redraws (${f1(fps('playback'))} vs ${f1(fps('ceiling'))} fps); the target is 1.15×. The median frame takes ${f2(medianRatio)}×.`),
    );
  }
  for (const r of scrub) {
    const dates = r.dates.map((d) => {
      const m = (c: ScrubCond) => median(r.samples.filter((x) => x.date === d && x.cond === c).map((x) => x.ms));
      return m('sitmap') / m('bare');
    });
    const worst = Math.max(...dates);
    out.push(
      `- **Scrub, ${r.label}: ${verdict(worst, SCRUB_TARGET)}.** Per-date Sitmap/bare ratios ${dates.map(f2).join(', ')} (worst ${f2(worst)}, target ≤ ${SCRUB_TARGET}).` +
        (worst <= SCRUB_TARGET ? ' Showing a date costs about what MapLibre itself needs to draw that data.' : ''),
    );
  }
  out.push('', 'Where a target is missed, `npx tsx bench/profile-playback.ts` says what the time goes to (frame times with parts of the movements switched off, and a CPU profile; its report goes to bench/fixtures/profile-report.md); what earlier diagnoses found and what each change bought is in bench/results/changes.md.');
  return out;
}

// ---------- main ----------
interface RunState {
  started: Date;
  load0: number[];
  info: ReturnType<typeof machine> | null;
  playback: PlaybackResult[];
  scrub: ScrubResult[];
  failures: string[];
  /** Set when re-rendering a finished run from its raw figures (--report-only). */
  finished?: Date;
  load1?: number[];
  command?: string;
}

/** Writes the raw figures and bench/results/time.md, then re-assembles bench/RESULTS.md. Called after every section. */
async function report(st: RunState, final: boolean) {
  const finished = st.finished ?? new Date();
  const load1 = st.load1 ?? os.loadavg();
  const command = st.command ?? `npm run bench:time${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const info = st.info;
  mkdirSync(join(ROOT, 'bench', 'fixtures'), { recursive: true });
  writeAtomic(RAW, JSON.stringify({ started: st.started, finished, load0: st.load0, load1, command, info, options: { RUNS, SECONDS }, playback: st.playback, scrub: st.scrub, failures: st.failures, outside, pageErrors }, null, 1));
  const md = [
    '# Sitmap time benchmark: results',
    '',
    `Written by \`npm run bench:time\` (bench/time-bench.ts), run started ${st.started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${final ? `took ${Math.round((finished.getTime() - st.started.getTime()) / 1000)} s` : '**still running: partial results**'}.`,
    'Every ratio compares two conditions measured side by side, interleaved, in the same run and the same browser: absolute',
    'times on this shared machine drift between runs, ratios much less. Nothing here is asserted in a test.',
    '',
    ...(RUNS < 5 ? ['**Smoke run: fewer than 5 runs per condition; these figures are not valid for the targets.**', ''] : []),
    '## Machine',
    '',
    ...(info
      ? [
          `- ${info.nproc} cores (\`nproc\`), CPU: ${info.cpu}; memory ${info.memGiB} GiB; ${info.os}`,
          `- Chromium ${info.chromium} (Debian, headless, software WebGL2: ANGLE on SwiftShader), viewport ${VIEWPORT.width}×${VIEWPORT.height}, deviceScaleFactor 1, reducedMotion no-preference`,
          `- Node ${info.node}; app built from ${info.git}`,
        ]
      : []),
    `- Load average (1/5/15 min) at start ${st.load0.map((x) => x.toFixed(2)).join(' / ')}, at ${final ? 'end' : 'last update'} ${load1.map((x) => x.toFixed(2)).join(' / ')} (shared machine)`,
    `- Command: \`${command}\` (${RUNS} runs per condition, ${SECONDS} s per playback condition, after an unrecorded warm-up)`,
    '',
  ];
  if (st.playback.length) {
    md.push(
      '## Playback frame time',
      '',
      `Frame time = interval between consecutive \`render\` events of the map (one per frame drawn), recorded in the page. Frames of all runs are pooled for median/p95/min/max; fps = frames drawn / seconds recorded. A condition is recorded for ${SECONDS} s, or until it has ${MIN_FRAMES} frame intervals (at most 90 s). Target: p95(B) ≤ ${PLAYBACK_TARGET} × p95(A).`,
      '',
      ...st.playback.map(playbackSection),
    );
  }
  if (st.scrub.length) {
    md.push(
      '## Scrub: date set → new state drawn',
      '',
      `Sitmap: \`location.hash = '#date=…'\` (the app's hash sync calls scrubTo, as for a shared link), then the map's next \`idle\` after React committed the new date. Bare: the same MapLibre version on a plain page with the same layers (their day filters dropped), camera and font, \`setData\` of every scenario source with what Sitmap shows on that date (derived in Node with the app's own functions and cut to the date: relations, positions and areas that hold, legs that are over in full, legs under way cut to the part travelled), then \`idle\`. "bare+units" also draws the moving units' positions of that day as a GeoJSON circle layer (what bare MapLibre would need to show them), for information. Target: Sitmap ≤ ${SCRUB_TARGET} × bare.`,
      '',
      ...st.scrub.map(scrubSection),
    );
  }
  if (st.failures.length) md.push('## Sections that failed', '', ...st.failures.map((f) => `- ${f}`), '');
  if (final) md.push('## What this means', '', ...meaning(st.playback, st.scrub), '');
  if (pageErrors.length) md.push('## Page errors during the run', '', ...[...new Set(pageErrors)].slice(0, 20).map((e) => `- ${e.slice(0, 300)}`), '');
  md.push(outside.length ? `**${outside.length} request(s) outside 127.0.0.1 were attempted and aborted:** ${outside.slice(0, 5).join(', ')}` : 'No request left 127.0.0.1.', '');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeAtomic(join(RESULTS_DIR, 'time.md'), md.join('\n'));
  // bench/RESULTS.md holds every benchmark's part (bench/assemble.ts); without the assembler, just this one.
  try {
    const { assembleResults } = (await import('./assemble.ts')) as { assembleResults: () => string };
    assembleResults();
  } catch {
    writeFileSync(RESULTS, md.join('\n'));
  }
  if (final) process.stdout.write(md.join('\n'));
}

/** --report-only: re-renders results/time.md (and RESULTS.md) from the raw figures of the last run. */
async function reportOnly() {
  const raw = JSON.parse(readFileSync(RAW, 'utf8')) as {
    started: string;
    finished: string;
    load0?: number[];
    load1?: number[];
    command?: string;
    info: ReturnType<typeof machine>;
    playback: PlaybackResult[];
    scrub: ScrubResult[];
    failures?: string[];
    outside: string[];
    pageErrors: string[];
  };
  outside.push(...raw.outside);
  pageErrors.push(...raw.pageErrors);
  const nan = [NaN, NaN, NaN];
  await report(
    { started: new Date(raw.started), finished: new Date(raw.finished), load0: raw.load0 ?? nan, load1: raw.load1 ?? nan, command: raw.command ?? 'npm run bench:time', info: raw.info, playback: raw.playback, scrub: raw.scrub, failures: raw.failures ?? [] },
    true,
  );
}

async function main() {
  const st: RunState = { started: new Date(), load0: os.loadavg(), info: null, playback: [], scrub: [], failures: [] };
  if (!SKIP_BUILD) {
    log('building the app (npm run build)…');
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  // Serve a copy, so that a rebuild by anyone else during the run cannot change the app under test.
  rmSync(APP, { recursive: true, force: true });
  cpSync(DIST, APP, { recursive: true });
  log('generating bench/fixtures/generated-10k.json…');
  writeGeneratedScenario();
  writeBareFonts(APP);
  const scenarios = new Map<string, Scenario>();
  for (const sc of SCENARIOS) {
    const loaded = loadScenarioText(readFileSync(sc.file, 'utf8'), sc.file);
    if (!loaded.ok) throw new Error(`${sc.file} is not a valid scenario: ${loaded.problems[0]?.message}`);
    scenarios.set(sc.key, localizeScenario(loaded.scenario, 'en'));
  }
  const bareUrls = new Map<string, string>();
  if (ONLY !== 'playback') {
    log('writing bare-MapLibre fixtures…');
    for (const sc of SCENARIOS) bareUrls.set(sc.key, writeBareFixtures(sc.key, scenarios.get(sc.key)!, sc.scrubDates));
  }

  const server = await startServer({
    root: APP,
    mounts: {
      '/bench-fixtures/': join(ROOT, 'bench', 'fixtures'),
      '/bench/': join(ROOT, 'bench'),
      '/maplibre/': join(ROOT, 'node_modules', 'maplibre-gl', 'dist'),
    },
  });
  let browser = await launchBrowser();
  st.info = machine(browser.version());
  /** Runs one section; if it fails (e.g. the browser went away), relaunches and tries once more. */
  const section = async <T>(name: string, fn: (b: Browser) => Promise<T>): Promise<T | null> => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        return await fn(browser);
      } catch (e) {
        const msg = `${name} (attempt ${attempt}): ${(e as Error).message.split('\n')[0]}`;
        log(`FAILED ${msg}`);
        st.failures.push(msg);
        if (!browser.isConnected()) browser = await launchBrowser();
      }
    }
    return null;
  };
  try {
    if (ONLY !== 'scrub') {
      for (const pc of PLAYBACK_CASES) {
        const sc = SCENARIOS.find((s) => s.key === pc.scenario)!;
        log(`playback: ${sc.label} from ${pc.start}`);
        const r = await section(`playback ${sc.key}@${pc.start}`, (b) => benchPlayback(b, server.url, sc, pc.start, pc.note));
        if (r) st.playback.push(r);
        await report(st, false);
      }
    }
    if (ONLY !== 'playback') {
      for (const sc of SCENARIOS.filter((x) => ONLY_SCENARIOS.includes(x.key))) {
        log(`scrub: ${sc.label}`);
        const r = await section(`scrub ${sc.key}`, (b) => benchScrub(b, server.url, sc, bareUrls.get(sc.key)!));
        if (r) st.scrub.push(r);
        await report(st, false);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    rmSync(APP, { recursive: true, force: true });
  }
  await report(st, true);
  log(`wrote bench/results/time.md and ${RESULTS}`);
  if (outside.length) process.exitCode = 1;
}

if (argv.includes('--report-only')) await reportOnly();
else await main();
