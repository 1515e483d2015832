/**
 * `npm run bench:load`: cold load, bytes, interaction, scale and memory of the built app, in
 * headless Chromium with software WebGL (the flags of e2e/harness.ts), everything on 127.0.0.1.
 * Writes bench/results/load.md (and the raw figures to bench/fixtures/load-bench-raw.json), then
 * re-assembles bench/RESULTS.md (bench/assemble.ts). Timings are reported, never asserted.
 *
 *   npm run bench:load                                  all sections, default settings (~2 h here, most of it the two memory sections: bench/README.md)
 *   npm run bench:load -- --only cold,bytes             a subset: cold, bytes, interaction, scale, memory, briefing
 *                                                       (the other sections of load.md are kept from before)
 *   npm run bench:load -- --runs 12 --scale-runs 5 --node-runs 7 --clicks 28 --steps 1000 --memory-runs 5 --jit-off-steps 253
 *   npm run bench:load -- --build | --skip-build        (default: build only when dist/ is older than the sources)
 *   npm run bench:load -- --no-split                    cold load without the third page, C (diagnosis; see bench/README.md)
 *
 * The built app is copied to bench/fixtures/load-dist first and served from there, so a rebuild by
 * another benchmark running at the same time cannot change it under this one.
 */
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle } from '../e2e/harness.ts';
import { PRESENTATION_ALLOWANCE_MS } from '../src/lib/after-paint.ts';
import { startServer } from '../e2e/server.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import { ScenarioSchema, type ScenarioFile } from '../src/scenario/schema.ts';
import { localizeScenario } from '../src/scenario/localize.ts';
import { checkIntegrity } from '../src/scenario/integrity.ts';
import { migrate } from '../src/scenario/migrate.ts';
import {
  actorFeatures,
  areaFeatures,
  movementFeatures,
  movementRoutes,
  placeFeatures,
  positionFeatures,
  relationFeatures,
} from '../src/scenario/derive/features.ts';
import { startSize } from '../scripts/start-size.ts';
import { assembleResults, machineInfo, RESULTS_DIR, type MachineInfo } from './assemble.ts';
import { KURSK_FILE, SCALE_SIZES, scaleFile, scaleUrl, writeScaleFixtures } from './generate-scale.ts';
import { writeLoadFixtures, type LoadConfig } from './load-data.ts';
import { VIEWPORT, f1, f2, log, median, outside, pageErrors, pct, writeAtomic } from './lib.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'bench', 'fixtures');
const SNAPSHOT = join(FIXTURES, 'load-dist');
const RAW = join(FIXTURES, 'load-bench-raw.json');
const LOAD_MD = join(RESULTS_DIR, 'load.md');

// ---------- options ----------
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const SECTIONS = ['cold', 'bytes', 'interaction', 'scale', 'memory', 'briefing'] as const;
type Section = (typeof SECTIONS)[number];
const ONLY = opt('only', SECTIONS.join(',')).split(',').map((s) => s.trim()) as Section[];
for (const s of ONLY) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section '${s}' (known: ${SECTIONS.join(', ')})`);
const RUNS = Math.max(1, Number(opt('runs', '24')));
const SCALE_RUNS = Math.max(1, Number(opt('scale-runs', '5')));
const NODE_RUNS = Math.max(1, Number(opt('node-runs', '7')));
const CLICKS = Math.max(2, Number(opt('clicks', '21')));
const STEPS = Math.max(2, Number(opt('steps', '1000')));
/** Runs of each memory workload (Sitmap's selection changes; briefing steps), each in a fresh page: the verdict is their median. */
const MEMORY_RUNS = Math.max(1, Number(opt('memory-runs', '5')));
/**
 * Briefing steps of the JIT-off control (both pages): fewer than STEPS, since without the JIT a
 * step takes about twice as long; compared with the JIT-on runs at the same checkpoint.
 */
const JIT_OFF_STEPS = Math.max(2, Math.min(STEPS, Number(opt('jit-off-steps', '253'))));
/** Cold load: also C, the bare page adding the scenario after the map's `load`, as Sitmap does (diagnosis; --no-split leaves it out). */
const DIAGNOSE = !argv.includes('--no-split');
const COMMAND = `npm run bench:load${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
const only = (s: Section) => `npm run bench:load -- --only ${s}`;

const TARGET = { coldRatio: 1.1, appKB: 120, firstLoadMB: 1.5, clickP75: 50, node10k: 200, heapPct: 5 } as const;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const minMax = (xs: number[], f = f1) => (xs.length ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : '–');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- build and snapshot ----------
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), st.mtimeMs);
}
function ensureBuilt(): string {
  const sources = ['src', 'data/scenarios', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(ROOT, p)));
  const built = existsSync(join(DIST, 'index.html')) ? statSync(join(DIST, 'index.html')).mtimeMs : 0;
  const stale = Math.max(...sources) > built;
  if (argv.includes('--build') || (stale && !argv.includes('--skip-build'))) {
    log(`building the app (npm run build)${stale ? ': dist/ is older than the sources' : ''}…`);
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    return 'built by this run (`npm run build`)';
  }
  return stale ? 'dist/ was OLDER than the sources (--skip-build)' : 'dist/ as found (newer than the sources)';
}
function snapshotDist(): void {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  cpSync(DIST, SNAPSHOT, { recursive: true });
}

// ---------- pages ----------
const LOCAL = /^https?:\/\/127\.0\.0\.1(:\d+)?\//;

let current: Browser | undefined;
/** Extra Chromium flags of the browser `liveBrowser` launches (the memory section's JIT-off control). */
let browserArgs: string[] = [];
/** Runs `f` in a browser launched with `args` added, then goes back to the usual browser. */
async function withBrowserArgs<T>(args: string[], f: () => Promise<T>): Promise<T> {
  await current?.close().catch(() => {});
  current = undefined;
  browserArgs = args;
  try {
    return await f();
  } finally {
    // f() launched it (through liveBrowser); TypeScript still narrows `current` to undefined here.
    await (current as Browser | undefined)?.close().catch(() => {});
    current = undefined;
    browserArgs = [];
  }
}
/** When the browser had to be relaunched (it crashed or was closed from outside during the run). */
const relaunches: string[] = [];
/** The browser, launched again if it went away. */
async function liveBrowser(): Promise<Browser> {
  if (current?.isConnected()) return current;
  current = await launchBrowser(browserArgs);
  return current;
}
const gone = (e: unknown) => /has been closed|Target closed|disconnected|crashed/i.test(String((e as Error)?.message ?? e));
/**
 * Runs `f`; if the browser went away meanwhile (on this shared machine it has been killed from
 * outside), relaunches it, runs `warmUp` (so the retried measurement does not pay the new browser's
 * start-up) and tries again, up to twice. Relaunches are reported in load.md.
 */
async function withRetry<T>(what: string, f: () => Promise<T>, warmUp?: () => Promise<unknown>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      if (!gone(e) || attempt >= 3) throw e;
      const why = String((e as Error).message).split('\n')[0];
      log(`  ${what}: the browser went away (${why}); relaunching and retrying (${attempt}/2)…`);
      relaunches.push(`${new Date().toISOString().slice(11, 19)} UTC during ${what}`);
      await current?.close().catch(() => {});
      current = undefined;
      await liveBrowser();
      await warmUp?.();
    }
  }
}

/**
 * A fresh context (cold HTTP cache) and page. Requests are watched, not intercepted (routing would
 * add a round trip to every request of the timed loads): any request outside 127.0.0.1 is recorded
 * and fails the run; Chromium's --host-resolver-rules keep such hosts unresolvable anyway.
 */
async function freshPage(opts: { reducedMotion?: 'reduce' | 'no-preference'; probe?: string[] } = {}) {
  const context = await (await liveBrowser()).newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: opts.reducedMotion ?? 'no-preference' });
  context.on('request', (r) => {
    const url = r.url();
    if (!/^(data|blob):/.test(url) && !LOCAL.test(url)) outside.push(url);
  });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  if (opts.probe) await context.addInitScript(probeScript(opts.probe));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${page.url()}: console: ${m.text()}`);
  });
  return { context, page };
}

/**
 * Init script for a timed load: catches the map instance the moment the page stores it
 * (`window.__sitmapMap`, set in Sitmap's map `load` handler; `window.__bareMap`, set by
 * bench/bare-load.js right after construction) and records, relative to navigation start
 * (performance.now()): the map's `load` event and its first `idle` at which every expected layer
 * is in the style. Also long tasks (main thread busy ≥ 50 ms at a time).
 */
function probeScript(expected: string[]): string {
  return `(() => {
  const P = (window.__loadProbe = { t: {}, idles: [], longTasks: [], expected: ${JSON.stringify(expected)} });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) P.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const hook = (name) => {
    let m;
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => m,
      set(v) {
        m = v;
        if (P.t.set !== undefined) return;
        P.t.set = performance.now();
        if (v._loaded) P.t.load = P.t.set; else v.once('load', () => { P.t.load = performance.now(); });
        v.on('idle', () => {
          const now = performance.now();
          const ok = P.expected.every((id) => v.getLayer(id));
          P.idles.push([now, ok]);
          if (ok && P.t.idle === undefined) P.t.idle = now;
        });
      },
    });
  };
  hook('__sitmapMap');
  hook('__bareMap');
})();`;
}

interface LoadSample {
  kind: string;
  /** Navigation start → first `idle` with every layer (ms). */
  idle: number;
  /** → the map's `load` event. */
  load: number;
  /** → the page stored the map (Sitmap: in its `load` handler; bare: right after construction). */
  set: number;
  /** → the document's response ended. */
  docEnd: number;
  /** → the MapLibre main script's response ended. */
  jsEnd: number;
  /** → the scenario (Sitmap) or the style config (bare) was requested. */
  dataStart: number;
  /** → the scenario (Sitmap) or the style config (bare) response ended. */
  dataEnd: number;
  /** → MapLibre's worker script was requested (≈ the Map was constructed). */
  workerStart: number;
  /** → the last font file's response ended (NaN if none). */
  fontsEnd: number;
  /** Long tasks (≥ 50 ms) on the main thread before the first idle: total ms and count. */
  longMs: number;
  longCount: number;
  idleEvents: number;
  resources: Array<{ name: string; start: number; end: number; type: string }>;
}

interface Camera {
  width: number;
  height: number;
  lng: number;
  lat: number;
  zoom: number;
}

interface Transfer {
  path: string;
  type: string;
  raw: number;
  gzip6: number;
  gzip9: number;
  brotli: number;
  /** What gzip would send: gzip -6 of text types; fonts and images as they are. */
  sent: number;
}

const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|md)$|^\/$/;
function transferOf(path: string, type: string, body: Buffer): Transfer {
  const compressible = COMPRESSIBLE.test(path.split('?')[0]!) || /text|javascript|json|svg/.test(type);
  const gzip6 = gzipSync(body).length;
  const gzip9 = gzipSync(body, { level: 9 }).length;
  const brotli = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { path, type, raw: body.length, gzip6, gzip9, brotli, sent: compressible ? gzip6 : body.length };
}

/**
 * One cold load in a fresh context: navigation → first `idle` with every expected layer. With
 * `collect`, also every response body (bytes section; not used on timed loads).
 */
async function coldLoadOnce(
  base: string,
  path: string,
  kind: string,
  expected: string[],
  extra: { collect?: boolean; camera?: boolean; check?: LoadConfig } = {},
): Promise<{ sample: LoadSample; transfers?: Transfer[]; camera?: Camera; check?: string[] }> {
  const { context, page } = await freshPage({ probe: expected });
  const bodies: Array<Promise<Transfer | null>> = [];
  if (extra.collect) {
    context.on('requestfinished', (req) => {
      bodies.push(
        (async () => {
          const res = await req.response();
          if (!res) return null;
          const body = await res.body().catch(() => null);
          if (!body) return null;
          const url = new URL(req.url());
          return transferOf(url.pathname + url.search, res.headers()['content-type'] ?? '', body);
        })(),
      );
    });
  }
  try {
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => (window as unknown as { __loadProbe: { t: { idle?: number } } }).__loadProbe.t.idle !== undefined, null, { timeout: 240_000, polling: 100 });
    const sample = await page.evaluate((kind) => {
      const P = (window as unknown as { __loadProbe: { t: Record<string, number>; idles: Array<[number, boolean]>; longTasks: Array<[number, number]> } }).__loadProbe;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const find = (re: RegExp) => res.find((r) => re.test(r.name));
      const fonts = res.filter((r) => /\.woff2?$/.test(r.name)).map((r) => r.responseEnd);
      const before = P.longTasks.filter(([s]) => s < P.t.idle!);
      const map = (window as unknown as { __sitmapMap?: import('maplibre-gl').Map; __bareMap?: import('maplibre-gl').Map }).__sitmapMap ?? (window as unknown as { __bareMap?: import('maplibre-gl').Map }).__bareMap;
      const gl = map?.getCanvas().getContext('webgl2');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4)); // leave no GPU work for the next load (readPixels waits; finish() does not)
      return {
        kind,
        idle: P.t.idle!,
        load: P.t.load ?? NaN,
        set: P.t.set ?? NaN,
        docEnd: nav?.responseEnd ?? NaN,
        jsEnd: find(/\/maplibre-(?!gl-worker)[\w-]+\.js$|\/maplibre-gl\.mjs$/)?.responseEnd ?? NaN,
        dataStart: find(/scenario-[\w-]+\.json$|\/bench-fixtures\/(scale-\d+|load\/[\w-]+)\.json$/)?.startTime ?? NaN,
        dataEnd: find(/scenario-[\w-]+\.json$|\/bench-fixtures\/(scale-\d+|load\/[\w-]+)\.json$/)?.responseEnd ?? NaN,
        workerStart: find(/maplibre-gl-worker/)?.startTime ?? NaN,
        fontsEnd: fonts.length ? Math.max(...fonts) : NaN,
        longMs: before.reduce((s, [, d]) => s + d, 0),
        longCount: before.length,
        idleEvents: P.idles.length,
        resources: res.map((r) => ({ name: r.name.replace(location.origin, ''), start: r.startTime, end: r.responseEnd, type: r.initiatorType })),
      };
    }, kind);
    let camera: Camera | undefined;
    if (extra.camera) {
      camera = await page.evaluate(() => {
        const map = window.__sitmapMap!;
        const c = map.getCenter();
        return { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight, lng: c.lng, lat: c.lat, zoom: map.getZoom() };
      });
    }
    let check: string[] | undefined;
    if (extra.check) {
      // Is the bare page really drawing what Sitmap draws? Compare Sitmap's style with the config.
      const got = await page.evaluate(() => {
        const map = window.__sitmapMap!;
        const style = map.getStyle();
        const counts: Record<string, number> = {};
        for (const [id, src] of Object.entries(style.sources)) {
          const data = (src as { data?: unknown }).data;
          if (data && typeof data === 'object' && 'features' in data) counts[id] = (data as { features: unknown[] }).features.length;
          else if (typeof data === 'string') counts[id] = -1;
        }
        const basemap = [style.sources.countries, style.sources.borders].map((s) => {
          const data = (s as { data?: unknown }).data;
          return typeof data === 'string' ? new URL(data, location.href).pathname : ((data as { features?: unknown[] })?.features?.length ?? -1);
        });
        return { layers: style.layers.map((l) => l.id), counts, basemap };
      });
      check = [];
      const want = extra.check.layerIds;
      // Left out of the bare page: the moving units (nothing under way on the last day) and the
      // labels' keep-out from the panels (src/map/panel-keepouts.ts), added at the map's first
      // `idle`, so found here or not depending on when this ran, and empty with no panel open.
      const sitmapLayers = got.layers.filter((id) => id !== 'moving-units' && id !== 'panel-keepout');
      if (JSON.stringify(sitmapLayers) !== JSON.stringify(want)) check.push(`layer order differs: Sitmap ${sitmapLayers.join(',')} vs bare ${want.join(',')}`);
      for (const [id, n] of Object.entries(extra.check.featureCounts)) if (got.counts[id] !== n) check.push(`source ${id}: Sitmap ${got.counts[id]} features, bare ${n}`);
      // The basemap: Sitmap's sources name the same files (or, once loaded, hold as many features).
      const problems = check;
      ['countries', 'borders'].forEach((name, i) => {
        const got1 = got.basemap[i];
        const want = typeof got1 === 'string' ? `/basemap/${name}.json` : basemapFeatures(name);
        if (got1 !== want) problems.push(`basemap source ${name}: Sitmap ${got1}, bare /basemap/${name}.json (${basemapFeatures(name)} features)`);
      });
    }
    await sleep(extra.collect ? 300 : 0);
    const transfers = extra.collect ? ((await Promise.all(bodies)).filter(Boolean) as Transfer[]) : undefined;
    return { sample, transfers, camera, check };
  } finally {
    await context.close();
  }
}

/** coldLoadOnce, retried (after an unrecorded load of the same page) if the browser went away. */
function coldLoad(...args: Parameters<typeof coldLoadOnce>): ReturnType<typeof coldLoadOnce> {
  const [base, path, kind, expected] = args;
  return withRetry(`load of ${path.slice(0, 60)}`, () => coldLoadOnce(...args), () => coldLoadOnce(base, path, kind, expected));
}

const basemapCounts = new Map<string, number>();
function basemapFeatures(name: string): number {
  if (!basemapCounts.has(name)) basemapCounts.set(name, (JSON.parse(readFileSync(join(SNAPSHOT, 'basemap', `${name}.json`), 'utf8')) as { features: unknown[] }).features.length);
  return basemapCounts.get(name)!;
}

function bareUrl(configUrl: string, cam: Camera, split = false): string {
  const q = new URLSearchParams({ config: configUrl, w: String(cam.width), h: String(cam.height), lng: String(cam.lng), lat: String(cam.lat), zoom: String(cam.zoom), ...(split ? { split: '1' } : {}) });
  return `/bench/bare-load.html?${q}`;
}

// ---------- cold load ----------
interface ColdResult {
  runs: number;
  camera: Camera;
  check: string[];
  samples: LoadSample[];
  load0: number[];
  load1: number[];
}

async function benchCold(base: string, config: LoadConfig, configUrl: string, cam: Camera, check: string[]): Promise<ColdResult> {
  const expected = config.layerIds;
  const load0 = os.loadavg();
  // Warm-up (not recorded): one load of each, so the first recorded one pays no first-time cost
  // of the browser process (GPU process start, shader cache) that the others do not.
  const kinds = DIAGNOSE ? (['sitmap', 'bare', 'split'] as const) : (['sitmap', 'bare'] as const);
  const url = (kind: (typeof kinds)[number]) => (kind === 'sitmap' ? '/' : bareUrl(configUrl, cam, kind === 'split'));
  for (const kind of kinds) await coldLoad(base, url(kind), kind, expected);
  const samples: LoadSample[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Rotate who goes first: A B (C), B (C) A, …
    const k = run % kinds.length;
    const order = [...kinds.slice(k), ...kinds.slice(0, k)];
    const got: Record<string, LoadSample> = {};
    for (const kind of order) {
      const { sample } = await coldLoad(base, url(kind), kind, expected);
      samples.push(sample);
      got[kind] = sample;
    }
    log(`  cold run ${run + 1}/${RUNS} (${order.join(' → ')}): ${order.map((kind) => `${kind} ${f1(got[kind]!.idle)} ms`).join(', ')}, ratio ${f2(got.sitmap!.idle / got.bare!.idle)}`);
  }
  return { runs: RUNS, camera: cam, check, samples, load0, load1: os.loadavg() };
}

function coldSection(r: ColdResult): string {
  const of = (k: string) => r.samples.filter((s) => s.kind === k);
  const s = of('sitmap');
  const b = of('bare');
  const ratio = median(s.map((x) => x.idle)) / median(b.map((x) => x.idle));
  const pairs = s.map((x, i) => x.idle / b[i]!.idle);
  const row = (name: string, xs: LoadSample[]) => {
    const v = xs.map((x) => x.idle);
    return `| ${name} | ${v.length} | **${f1(median(v))}** | ${f1(pct(v, 0.25))}–${f1(pct(v, 0.75))} | ${minMax(v)} |`;
  };
  const c = of('split');
  const phase = (label: string, key: keyof LoadSample, note: string) => {
    const m = (xs: LoadSample[]) => median(xs.map((x) => x[key] as number).filter(Number.isFinite));
    return `| ${label} | ${f1(m(s))} | ${f1(m(b))} | ${f1(m(s) - m(b))} |${c.length ? ` ${f1(m(c))} |` : ''} ${note} |`;
  };
  const m = (xs: LoadSample[], k: keyof LoadSample) => median(xs.map((x) => x[k] as number).filter(Number.isFinite));
  // Sitmap's phases, from the medians (ms after navigation start).
  const sPhases = {
    js: m(s, 'jsEnd'),
    data: m(s, 'dataEnd'),
    construct: m(s, 'workerStart'),
    load: m(s, 'load'),
    idle: m(s, 'idle'),
  };
  const bPhases = { js: m(b, 'jsEnd'), data: m(b, 'dataEnd'), construct: m(b, 'workerStart'), load: m(b, 'load'), idle: m(b, 'idle') };
  const lines = [
    `Command: \`${COMMAND}\` (this section alone: \`${only('cold')}\`). ${r.runs} loads of each page, interleaved in one browser (${of('split').length ? 'A B C, B C A, C A B, …' : 'A B, B A, …'}: who goes first rotates), after one unrecorded load of each; every load in a fresh browser context (cold HTTP cache), viewport ${VIEWPORT.width}×${VIEWPORT.height}, deviceScaleFactor 1. Load average at start ${r.load0.map((x) => x.toFixed(2)).join(' / ')}, at end ${r.load1.map((x) => x.toFixed(2)).join(' / ')}.`,
    '',
    `- **A, Sitmap**: \`/\` (the built-in Kursk scenario; no hash, so the scenario's last day).`,
    `- **B, bare MapLibre** (\`bench/bare-load.html\` + \`bare-load.js\`, config from \`bench/load-data.ts\`): the same maplibre-gl 6 build (from node_modules), ONE style with the same basemap files by URL (\`/basemap/countries.json\`, \`/basemap/borders.json\`), Sitmap's six scenario sources with the FeatureCollections its map view builds at start (made with the app's own derive functions, inline in the style), the same ${r.samples.length ? '' : ''}layers in the same order with the same filters and \`day\` state, the same arrow image and @font-face rules (Inter), the same map size (${r.camera.width}×${r.camera.height} px) and opening camera (zoom ${f2(r.camera.zoom)}). Only Sitmap's custom moving-units layer is absent (no unit is under way on the last day).`,
    `- Check of B against A at run time (Sitmap's live style vs the bare config: layer ids and order, feature count per scenario source, basemap files): ${r.check.length ? `**differences: ${r.check.join('; ')}**` : 'identical.'}`,
    '',
    'Time = navigation start → the first map `idle` event at which every layer is in the style (probe installed by an init script; `performance.now()` in the page).',
    '',
    '| page | loads | median ms | p25–p75 ms | min–max ms |',
    '|---|---:|---:|---:|---:|',
    row('A Sitmap', s),
    row('B bare MapLibre', b),
    ...(c.length ? [row('C (diagnosis) bare, scenario sources and layers added in the `load` event', c)] : []),
    '',
    `**median(A) / median(B) = ${f2(ratio)} → ${verdict(ratio <= TARGET.coldRatio)}** (target ≤ ${TARGET.coldRatio}). Per-pair ratios (A and B of the same run): median ${f2(median(pairs))}, range ${minMax(pairs, f2)}.`,
    '',
    'Where the time goes (medians, ms after navigation start):',
    '',
    `| milestone | A Sitmap | B bare | A − B |${c.length ? ' C bare, scenario added on `load` |' : ''} what it is |`,
    `|---|---:|---:|---:|${c.length ? '---:|' : ''}---|`,
    phase('document received', 'docEnd', 'HTML response end'),
    phase('MapLibre script received', 'jsEnd', 'A: dist/assets/maplibre-*.js (module preload); B: node_modules maplibre-gl.mjs'),
    phase('data requested', 'dataStart', 'A: the app requests its scenario once its JS has run (React effect); B: bare-load.js once maplibre-gl.mjs is evaluated'),
    phase('data received', 'dataEnd', 'A: dist/assets/scenario-*.json, fetched by the app once its JS runs; B: the style config'),
    phase('map constructed', 'workerStart', "≈ MapLibre's worker script requested (the Map constructor starts it)"),
    phase('fonts received', 'fontsEnd', 'last Inter .woff2'),
    phase('map `load`', 'load', 'style and every source loaded (A and B start with one style holding basemap and scenario; C adds the scenario only now)'),
    phase('**first idle with every layer**', 'idle', 'the figure above'),
    phase('main thread: long tasks before idle (ms)', 'longMs', 'sum of tasks ≥ 50 ms (Long Tasks API)'),
    '',
    ...(c.length
      ? [
          `**Diagnosis (C):** C is B with one change, the order Sitmap used until 2026-11-26 (commit 8c94bd6 and before): the map starts with the basemap only and the scenario's sources and layers are added in its \`load\` event. Sitmap now starts with one style holding both, as B does (src/map/layers/scenario-style.ts). median(C) / median(B) = ${f2(median(c.map((x) => x.idle)) / median(b.map((x) => x.idle)))}; median(A) / median(C) = ${f2(median(s.map((x) => x.idle)) / median(c.map((x) => x.idle)))}. So of A − B = ${f1(median(s.map((x) => x.idle)) - median(b.map((x) => x.idle)))} ms, adding the scenario after \`load\` would cost C − B = ${f1(median(c.map((x) => x.idle)) - median(b.map((x) => x.idle)))} ms, and everything else Sitmap does (its JS before the map exists, the scenario fetched only once that runs, React, the moving-units layer, the WebGL2 probe) for A − C = ${f1(median(s.map((x) => x.idle)) - median(c.map((x) => x.idle)))} ms.`,
          '',
        ]
      : []),
    `Intervals (A vs B): script received → map constructed ${f1(sPhases.construct - sPhases.js)} vs ${f1(bPhases.construct - bPhases.js)} ms; map constructed → \`load\` ${f1(sPhases.load - sPhases.construct)} vs ${f1(bPhases.load - bPhases.construct)} ms; \`load\` → first full idle ${f1(sPhases.idle - sPhases.load)} vs ${f1(bPhases.idle - bPhases.load)} ms.`,
    '',
  ];
  return lines.join('\n');
}

// ---------- bytes ----------
interface BytesResult {
  app: Array<{ file: string; raw: number; gzip9: number }>;
  appTotal: number;
  lazy: Array<{ file: string; gzip9: number }>;
  staticFirst: number;
  sitmap: Transfer[];
  bare: Transfer[];
}


async function benchBytes(base: string, config: LoadConfig, configUrl: string, cam: Camera): Promise<BytesResult> {
  const sitmap = await coldLoad(base, '/', 'sitmap', config.layerIds, { collect: true });
  const bare = await coldLoad(base, bareUrl(configUrl, cam), 'bare', config.layerIds, { collect: true });
  return { ...startSize(SNAPSHOT), sitmap: sitmap.transfers!, bare: bare.transfers! };
}

function bytesSection(r: BytesResult): string {
  const sum = (ts: Transfer[], k: keyof Transfer) => ts.reduce((s, t) => s + (t[k] as number), 0);
  const sent = sum(r.sitmap, 'sent');
  const brotliSent = r.sitmap.reduce((s, t) => s + (t.sent === t.raw && t.gzip6 !== t.raw && !/\.woff2?$/.test(t.path) ? t.raw : /\.woff2?$/.test(t.path) ? t.raw : t.brotli), 0);
  const sorted = [...r.sitmap].sort((a, b) => b.sent - a.sent);
  const share = (n: number) => `${((n / sent) * 100).toFixed(0)} %`;
  const group = (re: RegExp) => r.sitmap.filter((t) => re.test(t.path)).reduce((s, t) => s + t.sent, 0);
  const basemap = group(/^\/basemap\//);
  const maplibre = group(/maplibre/);
  const appCode = group(/^\/assets\/(index|rolldown-runtime)-[\w-]+\.(js|css)$/);
  const lines = [
    `Command: \`${COMMAND}\` (this section alone: \`${only('bytes')}\`).`,
    '',
    `**App JS + CSS at start without MapLibre (gzip -9, the rules and numbers of scripts/check-size.ts, which fails \`npm test\` over budget): ${kb(r.appTotal)} → ${verdict(r.appTotal <= TARGET.appKB * 1024)}** (target ≤ ${TARGET.appKB} KB).`,
    '',
    '| file (loaded at start) | raw | gzip -9 |',
    '|---|---:|---:|',
    ...r.app.map((a) => `| ${a.file} | ${kb(a.raw)} | ${kb(a.gzip9)} |`),
    ...r.lazy.map((a) => `| ${a.file} (on demand, not counted) | | ${kb(a.gzip9)} |`),
    '',
    `**Everything the first load transfers, measured in the browser: ${kb(sent)} (${mb(sent)}) → ${verdict(sent <= TARGET.firstLoadMB * 1024 * 1024)}** (target ≤ ${TARGET.firstLoadMB} MB). Every response of one cold load of \`/\` up to the first full idle (Playwright \`requestfinished\`, the worker's requests included), each body gzipped in Node as a server would send it (gzip -6, zlib's default, for HTML/JS/CSS/JSON; fonts as woff2, unchanged). The static estimate of check-size.ts (gzip -9, its file list) is ${kb(r.staticFirst)}; with brotli -11 instead of gzip the same load would be ${kb(brotliSent)}.`,
    '',
    '| response | raw | gzip -6 | gzip -9 | brotli -11 | counted | share |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...sorted.map((t) => `| ${t.path} | ${kb(t.raw)} | ${kb(t.gzip6)} | ${kb(t.gzip9)} | ${kb(t.brotli)} | ${kb(t.sent)} | ${share(t.sent)} |`),
    `| **total (${r.sitmap.length} responses)** | ${kb(sum(r.sitmap, 'raw'))} | ${kb(sum(r.sitmap, 'gzip6'))} | ${kb(sum(r.sitmap, 'gzip9'))} | ${kb(sum(r.sitmap, 'brotli'))} | **${kb(sent)}** | |`,
    '',
    `By kind: basemap (countries + borders) ${kb(basemap)} (${share(basemap)}), MapLibre (main, worker, CSS) ${kb(maplibre)} (${share(maplibre)}), app code ${kb(appCode)} (${share(appCode)}), the rest (HTML, scenario, fonts) ${kb(sent - basemap - maplibre - appCode)}. For comparison the bare MapLibre page transfers ${kb(sum(r.bare, 'sent'))} (${r.bare.length} responses; its MapLibre build comes unbundled from node_modules).`,
    '',
  ];
  return lines.join('\n');
}

// ---------- interaction ----------
interface ClickSample {
  cond: 'as-is' | 'map-frozen';
  actor: string;
  /** Event Timing: duration of the interaction (max over its pointerdown/pointerup/click entries); 16 when none reached the 16 ms threshold. */
  inp: number;
  /** The click entry: start → processingStart, processing, processingEnd → next paint. NaN when below the threshold. */
  inputDelay: number;
  processing: number;
  presentation: number;
  belowThreshold: boolean;
  /** click → the rAF of the frame after the one in which the heading first showed the actor. */
  raf: number;
  /** click → React committed the heading (checked at the end of the click's dispatch). */
  commit: number;
  /** click → the rAF of the first frame that begins with the claims and charts shown for this actor. */
  claims: number;
}

async function benchInteraction(base: string, actors: Array<{ id: string; name: string }>): Promise<{ samples: ClickSample[]; load0: number[]; load1: number[] }> {
  const load0 = os.loadavg();
  const open = async (cond: ClickSample['cond']) => {
    const p = await freshPage();
    await p.page.goto(`${base}/`);
    await idle(p.page);
    await p.page.evaluate((frozen) => {
      const w = window as unknown as { __ix: { entries: unknown[] } };
      w.__ix = { entries: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as PerformanceEventTiming[]) {
          w.__ix.entries.push({ name: e.name, start: e.startTime, ps: e.processingStart, pe: e.processingEnd, dur: e.duration, id: (e as unknown as { interactionId: number }).interactionId });
        }
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      // Diagnosis condition: the map never draws again (no feature-state redraw, no camera flight),
      // leaving the panel's own cost.
      if (frozen) window.__sitmapMap!.triggerRepaint = () => {};
    }, cond === 'map-frozen');
    return { ...p, cond };
  };
  const pages = [await open('as-is'), await open('map-frozen')];
  const samples: ClickSample[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const actor = actors[i % actors.length]!;
    const order = i % 2 === 0 ? pages : [...pages].reverse();
    for (const p of order) {
      // The actor's button in the "Scenario contents" list (secondary actors' names end in " · source").
      const button = p.page.getByRole('navigation', { name: 'Scenario contents' }).locator(`button[data-kind="actor"][data-id="${actor.id}"]`);
      // Hover first and let the map settle (hovering a list item highlights it on the map), so
      // the click is measured on its own, as when a user's pointer rests before clicking.
      await button.hover();
      await settle(p.page, p.cond);
      await p.page.evaluate((name) => {
        const w = window as unknown as { __ixPending: Promise<unknown> };
        w.__ixPending = new Promise((resolve) => {
          let t0 = NaN;
          let commit = NaN;
          const heading = () => document.querySelector('aside.details #details-heading')?.textContent === name;
          const onCapture = (e: Event) => {
            t0 = e.timeStamp;
            window.removeEventListener('click', onCapture, true);
          };
          const onBubble = () => {
            window.removeEventListener('click', onBubble);
            // React 19 renders a discrete event's update at the end of its dispatch (microtask).
            queueMicrotask(() => {
              if (heading()) commit = performance.now() - t0;
              requestAnimationFrame(check);
            });
          };
          // The claims and charts follow in the panel's second render (after the first frame is
          // presented): the rAF of the first frame that begins with them shown for this actor.
          const claimsShown = () => heading() && !!document.querySelector('aside.details .details-claims:not([hidden])');
          const check = () => {
            if (heading()) {
              if (Number.isNaN(commit)) commit = performance.now() - t0;
              requestAnimationFrame(() => {
                const raf = performance.now() - t0;
                const waitClaims = () => (claimsShown() ? resolve({ t0, commit, raf, claims: performance.now() - t0 }) : requestAnimationFrame(waitClaims));
                waitClaims();
              });
            } else requestAnimationFrame(check);
          };
          window.addEventListener('click', onCapture, true);
          window.addEventListener('click', onBubble);
        });
      }, actor.name);
      await button.click();
      const got = await p.page.evaluate(async () => {
        const w = window as unknown as {
          __ixPending: Promise<{ t0: number; commit: number; raf: number; claims: number }>;
          __ix: { entries: Array<{ name: string; start: number; ps: number; pe: number; dur: number; id: number }> };
        };
        const r = await w.__ixPending;
        // Event Timing entries arrive after the frame is presented: wait for the click's, up to 2 s.
        const t = performance.now();
        let click: (typeof w.__ix.entries)[number] | undefined;
        while (performance.now() - t < 2000) {
          click = w.__ix.entries.find((e) => e.name === 'click' && Math.abs(e.start - r.t0) < 1);
          if (click) break;
          await new Promise((res) => setTimeout(res, 50));
        }
        const same = click ? w.__ix.entries.filter((e) => e.id && e.id === click!.id) : [];
        return { ...r, click, inp: same.length ? Math.max(...same.map((e) => e.dur)) : click?.dur };
      });
      const c = got.click;
      samples.push({
        cond: p.cond,
        actor: actor.id,
        inp: got.inp ?? 16,
        belowThreshold: !c,
        inputDelay: c ? c.ps - c.start : NaN,
        processing: c ? c.pe - c.ps : NaN,
        presentation: c ? c.start + c.dur - c.pe : NaN,
        raf: got.raf,
        commit: got.commit,
        claims: got.claims,
      });
      await settle(p.page, p.cond);
    }
    const last = samples.slice(-2);
    log(`  click ${i + 1}/${CLICKS} ${actor.name}: ${last.map((x) => `${x.cond} ${x.belowThreshold ? '<16' : f1(x.inp)} ms (rAF ${f1(x.raf)})`).join(', ')}`);
  }
  for (const p of pages) await p.context.close();
  return { samples, load0, load1: os.loadavg() };
}

/** The map's next idle, after the work queued for after a frame, with the GPU drained (e2e/harness.ts). */
function idle(page: Page, timeout = 120_000): Promise<void> {
  return waitForMapIdle(page, timeout, { drainGpu: true });
}
/** Waits until the page has nothing left to draw (as-is: the map's idle; frozen: two frames). */
async function settle(page: Page, cond: ClickSample['cond']): Promise<void> {
  if (cond === 'as-is') await idle(page);
  else await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

function interactionSection(r: { samples: ClickSample[]; load0: number[]; load1: number[] }): string {
  const of = (c: ClickSample['cond']) => r.samples.filter((s) => s.cond === c);
  const a = of('as-is');
  const b = of('map-frozen');
  const p75 = pct(a.map((x) => x.inp), 0.75);
  const cycle = new Set(a.map((x) => x.actor)).size;
  const row = (name: string, xs: ClickSample[]) => {
    const inp = xs.map((x) => x.inp);
    const raf = xs.map((x) => x.raf);
    const reported = xs.filter((x) => !x.belowThreshold);
    const mp = (k: 'inputDelay' | 'processing' | 'presentation') => f1(median(reported.map((x) => x[k])));
    const claims = xs.map((x) => x.claims).filter((x) => Number.isFinite(x));
    const cl = claims.length ? `${f1(median(claims))} | ${f1(pct(claims, 0.75))}` : '– | –';
    return `| ${name} | ${xs.length} | ${f1(median(inp))} | **${f1(pct(inp, 0.75))}** | ${f1(Math.max(...inp))} | ${xs.length - reported.length} | ${mp('inputDelay')} | ${mp('processing')} | ${mp('presentation')} | ${f1(median(xs.map((x) => x.commit)))} | ${f1(median(raf))} | ${f1(pct(raf, 0.75))} | ${f1(Math.max(...raf))} | ${cl} |`;
  };
  return [
    `Command: \`${COMMAND}\` (this section alone: \`${only('interaction')}\`). Sitmap \`/\` (Kursk), viewport ${VIEWPORT.width}×${VIEWPORT.height}, reducedMotion no-preference (selections fly the camera when the actor is off screen). ${CLICKS} clicks per condition on the actor buttons of the "Scenario contents" list, going through all ${new Set(a.map((x) => x.actor)).size} actors in turn (every click selects a different actor than the one shown); before each click the pointer rests on the button and the map becomes idle (hover highlights on the map), so each click is measured alone; after it, the map becomes idle again. Two pages, clicks interleaved. Load average at start ${r.load0.map((x) => x.toFixed(2)).join(' / ')}, at end ${r.load1.map((x) => x.toFixed(2)).join(' / ')}.`,
    '',
    '- **as-is**: the app as shipped. **This is the figure for the target.**',
    '- **map-frozen** (diagnosis only): the same page with `map.triggerRepaint` made a no-op after the first idle, so no map frame is drawn after the click (no feature-state redraw, no camera flight): what the details panel costs on its own.',
    '',
    'Event Timing API in the page (`PerformanceObserver` type `event`, durationThreshold 16): the interaction\'s duration is the longest of its pointerdown/pointerup/click entries (as INP counts it), from the input\'s timestamp to the next frame presented after the handlers ran; a click whose entries all stay below the 16 ms threshold is counted as 16 ms. Breakdown of the click entry: input delay (start → handlers start), processing (the handlers, with React\'s synchronous render of the panel), presentation (handlers end → next paint). Also "click → rAF": from the click\'s timestamp to the requestAnimationFrame callback of the frame after the one in which the heading first showed the actor; "commit": click → React had committed the new heading; "claims shown": click → the requestAnimationFrame callback of the first frame that begins with the actor\'s claims and charts shown.',
    '',
    'What the first frame holds: the click paints the panel\'s header and facts (name, role, relations) and the list\'s pressed state. The rest follows once that frame has had time to reach the screen (`afterPresented` in src/lib/after-paint.ts: the frame\'s requestAnimationFrame, then 50 ms): the claims and charts (a second, interruptible render), the map\'s redraw of the selection and any camera move, the focus on the heading and the URL. Before, they started right after the first frame\'s main-thread work and competed with the compositor and software GL for this machine\'s two cores while that frame was still being drawn.',
    '',
    '| condition | clicks | event-timing median ms | **p75 ms** | max ms | below 16 ms | input delay (median) | processing | presentation | commit | click → rAF median | rAF p75 | rAF max | claims shown median | claims p75 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('as-is', a),
    row('map-frozen (diagnosis)', b),
    '',
    `**Event-timing p75 (as-is) = ${f1(p75)} ms → ${verdict(p75 <= TARGET.clickP75)}** (target ≤ ${TARGET.clickP75} ms); max ${f1(Math.max(...a.map((x) => x.inp)))} ms. Without the first round through the actors (first-time costs: each panel's first build, JIT): p75 as-is ${f1(pct(a.slice(cycle).map((x) => x.inp), 0.75))} ms, map-frozen ${f1(pct(b.slice(cycle).map((x) => x.inp), 0.75))} ms.`,
    '',
    `Per click (as-is, ms): ${a.map((x) => `${x.actor} ${x.belowThreshold ? '<16' : f1(x.inp)}`).join(', ')}.`,
    '',
  ].join('\n');
}

// ---------- scale ----------
interface NodeTiming {
  n: number;
  bytes: number;
  /** Wall time of loadScenarioText (ms). */
  total: number[];
  /** CPU time of the same call (process.cpuUsage, user + system, ms): what it costs without waiting for a core. */
  cpu: number[];
  parse: number[];
  schema: number[];
  integrity: number[];
  derive: number[];
}
interface ScaleResult {
  node: NodeTiming[];
  browser: LoadSample[];
  load0: number[];
  load1: number[];
}

function timeNode(): NodeTiming[] {
  const cases = [{ n: 0, file: KURSK_FILE }, ...SCALE_SIZES.map((n) => ({ n, file: scaleFile(n) }))];
  const texts = cases.map((c) => readFileSync(c.file, 'utf8'));
  const out: NodeTiming[] = cases.map((c, i) => ({ n: c.n, bytes: Buffer.byteLength(texts[i]!), total: [], cpu: [], parse: [], schema: [], integrity: [], derive: [] }));
  const t = () => performance.now();
  // A full GC before each timed call, so no run pays for the garbage of the one before.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const once = (i: number, record: boolean) => {
    const text = texts[i]!;
    gc();
    const c0 = process.cpuUsage();
    const t0 = t();
    const result = loadScenarioText(text, 'bench.json');
    const t1 = t();
    const c1 = process.cpuUsage(c0);
    gc();
    if (!result.ok) throw new Error(`${cases[i]!.file} is not valid: ${result.problems[0]?.message}`);
    // The same work in parts, for where the time goes (loadScenarioText = these three).
    const p0 = t();
    const value = JSON.parse(text) as unknown;
    const p1 = t();
    const migrated = migrate(value, 'bench.json');
    if (!migrated.ok) throw new Error('migrate failed');
    const parsed = ScenarioSchema.safeParse(migrated.value);
    const p2 = t();
    checkIntegrity(parsed.data as ScenarioFile, 'bench.json');
    const p3 = t();
    // What the map view derives at start (not part of parse + integrity; for the browser figures).
    const s = localizeScenario(result.scenario, 'en');
    const routes = movementRoutes(s);
    actorFeatures(s);
    relationFeatures(s);
    areaFeatures(s);
    placeFeatures(s);
    movementFeatures(s, routes);
    positionFeatures(s, s.span.end);
    const p4 = t();
    if (record) {
      const o = out[i]!;
      o.total.push(t1 - t0);
      o.cpu.push((c1.user + c1.system) / 1000);
      o.parse.push(p1 - p0);
      o.schema.push(p2 - p1);
      o.integrity.push(p3 - p2);
      o.derive.push(p4 - p3);
    }
  };
  for (let i = 0; i < cases.length; i++) once(i, false); // warm-up (JIT)
  for (let run = 0; run < NODE_RUNS; run++) for (let k = 0; k < cases.length; k++) once((k + run) % cases.length, true);
  return out;
}

async function benchScale(base: string, expected: string[]): Promise<ScaleResult> {
  const load0 = os.loadavg();
  log('  scale: Node (loadScenarioText)…');
  const node = timeNode();
  for (const n of node) log(`    n=${n.n}: median ${f1(median(n.total))} ms`);
  const browserSamples: LoadSample[] = [];
  const sizes = [...SCALE_SIZES];
  // Warm-up (not recorded): the smallest, once.
  await coldLoad(base, `/?scenario=${scaleUrl(sizes[0]!)}`, `scale-${sizes[0]}`, expected);
  for (let run = 0; run < SCALE_RUNS; run++) {
    const order = sizes.map((_, i) => sizes[(i + run) % sizes.length]!);
    for (const n of order) {
      const { sample } = await coldLoad(base, `/?scenario=${scaleUrl(n)}`, `scale-${n}`, expected);
      browserSamples.push(sample);
      log(`  scale run ${run + 1}/${SCALE_RUNS} n=${n}: ${f1(sample.idle)} ms to idle`);
    }
  }
  return { node, browser: browserSamples, load0, load1: os.loadavg() };
}

/** The Node verdict: median CPU time at 10,000 within the target, and growth 1k → 10k near linear. */
function nodeVerdict(node: NodeTiming[]) {
  const at = (n: number) => node.find((x) => x.n === n)!;
  const base = at(0);
  const big = at(10_000);
  const k = at(1_000);
  const added = (x: NodeTiming, key: 'cpu' | 'total') => median(x[key]) - median(base[key]);
  const exp = (key: 'cpu' | 'total') => Math.log(added(big, key) / added(k, key)) / Math.log(10);
  const cpu = median(big.cpu);
  const wall = median(big.total);
  return { cpu, wall, exp: exp('cpu'), expWall: exp('total'), ok: cpu <= TARGET.node10k && exp('cpu') <= 1.15, big, k, base };
}

function scaleSection(r: ScaleResult): string {
  const v = nodeVerdict(r.node);
  const base = v.base;
  const nodeRow = (x: NodeTiming) =>
    `| ${x.n ? `Kursk + ${x.n.toLocaleString('en')}` : 'Kursk (as shipped)'} | ${kb(x.bytes)} | **${f1(median(x.cpu))}** | ${minMax(x.cpu)} | ${f1(median(x.total))} | ${minMax(x.total)} | ${f1(median(x.parse))} | ${f1(median(x.schema))} | ${f1(median(x.integrity))} | ${x.n ? f1(((median(x.cpu) - median(base.cpu)) / x.n) * 1000) : '–'} | ${f1(median(x.derive))} |`;
  const sizes = [...SCALE_SIZES];
  const of = (n: number) => r.browser.filter((s) => s.kind === `scale-${n}`);
  const m = (xs: LoadSample[], key: keyof LoadSample) => median(xs.map((x) => x[key] as number).filter(Number.isFinite));
  const bRow = (label: string, xs: LoadSample[]) =>
    `| ${label} | ${xs.length} | **${f1(m(xs, 'idle'))}** | ${minMax(xs.map((x) => x.idle))} | ${f1(m(xs, 'dataEnd'))} | ${f1(m(xs, 'workerStart'))} | ${f1(m(xs, 'load'))} | ${f1(m(xs, 'idle') - m(xs, 'load'))} | ${f1(m(xs, 'longMs'))} |`;
  return [
    `Command: \`${COMMAND}\` (this section alone: \`${only('scale')}\`). Fixtures by \`bench/generate-scale.ts\` (seeded; each checked with the app's \`loadScenarioText\`): the Kursk scenario plus N generated claims and N generated relations (each relation backed by one of the new claims) between 27 actors (Kursk's 7 and 20 generated ones with generated capitals; the same at every N). Load average at start ${r.load0.map((x) => x.toFixed(2)).join(' / ')}, at end ${r.load1.map((x) => x.toFixed(2)).join(' / ')}.`,
    '',
    `**Node (${process.version}), \`loadScenarioText\` (JSON.parse + migrate + zod schema, jitless + integrity):** ${NODE_RUNS} runs per file after one warm-up, files interleaved, in one process, a full GC before each call. CPU time (\`process.cpuUsage\`, user + system of the process, so GC helper threads count too) is the verdict's figure: on this shared 2-core machine the wall time mostly measures waiting for a core (compare the two min–max columns). The parts (wall, same runs, measured apart) say where the time goes; "derive" is what the map view computes from the scenario at start (features, great-circle arcs: not part of parse + integrity, but main-thread work in the browser).`,
    '',
    '| scenario | file | **CPU median ms** | CPU min–max | wall median ms | wall min–max | JSON.parse | schema | integrity | CPU µs per added claim+relation | derive (map data) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.node.map(nodeRow),
    '',
    `**At 10,000: ${f1(v.cpu)} ms CPU (wall median ${f1(v.wall)} ms, min ${f1(Math.min(...v.big.total))}) → ${verdict(v.ok)}** (target ≤ ${TARGET.node10k} ms, near-linear growth). Growth from 1,000 to 10,000 of the time above the Kursk base: CPU × ${f2((median(v.big.cpu) - median(base.cpu)) / (median(v.k.cpu) - median(base.cpu)))} (exponent ${f2(v.exp)}; 1 = linear; wall exponent ${f2(v.expWall)}) → ${v.exp <= 1.15 ? 'near linear' : 'NOT near linear'}.`,
    '',
    `**Browser: navigation of \`/?scenario=/bench-fixtures/scale-N.json\` → the first map \`idle\` with every layer** (checked in the validator's Web Worker, as any \`?scenario=\`; fresh context per load; sizes interleaved, rotating which goes first; ${SCALE_RUNS} loads per size after one unrecorded load). Milestones are medians in ms after navigation start.`,
    '',
    '| scenario | loads | **median ms to idle** | min–max | scenario received | map constructed | map `load` | `load` → idle | long tasks before idle |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...sizes.map((n) => bRow(`Kursk + ${n.toLocaleString('en')}`, of(n))),
    '',
    `Browser growth from 1,000 to 10,000: × ${f2(m(of(10_000), 'idle') / m(of(1_000), 'idle'))} to idle; scenario received → map constructed (validation in the worker, React, map data) ${f1(m(of(1_000), 'workerStart') - m(of(1_000), 'dataEnd'))} → ${f1(m(of(10_000), 'workerStart') - m(of(10_000), 'dataEnd'))} ms; \`load\` → idle (MapLibre's worker tiling the scenario sources, symbol placement, drawing) ${f1(m(of(1_000), 'idle') - m(of(1_000), 'load'))} → ${f1(m(of(10_000), 'idle') - m(of(10_000), 'load'))} ms. No target is set for the browser figures.`,
    '',
  ].join('\n');
}

// ---------- memory ----------
interface HeapSample {
  step: number;
  used: number;
  total: number;
  nodes: number;
  listeners: number;
  ms: number;
}

/** One checkpoint: the map's next idle, three full GCs, then the JS heap and DOM counters (CDP). */
async function heapSample(page: Page, cdp: CDPSession, step: number, t0: number): Promise<HeapSample> {
  await idle(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return { step, used: heap.usedSize, total: heap.totalSize, nodes: dom.nodes, listeners: dom.jsEventListeners, ms: performance.now() - t0 };
}

/**
 * Checkpoints of the memory workload (selection changes made so far), in order: where the same
 * actor as at the first one is shown (step ≡ 1 mod the number of actors), so heap and DOM compare
 * like with like; the last is the first such step ≥ STEPS.
 */
function memoryCheckpoints(n: number): number[] {
  const same = (k: number) => Math.max(1, Math.round((k - 1) / n) * n + 1);
  const lastStep = Math.ceil((STEPS - 1) / n) * n + 1;
  return [...new Set([1, 1 + n, same(100), same(250), same(500), same(750), lastStep])].filter((c) => c <= lastStep).sort((a, b) => a - b);
}

/**
 * In the JIT-off control: fails unless V8 in the page runs without its JIT (`--jitless` also
 * removes WebAssembly, which nothing in Sitmap or MapLibre uses), so a flag Chromium dropped
 * cannot pass for a measurement.
 */
async function assertJitless(page: Page): Promise<void> {
  if (!browserArgs.includes(JITLESS)) return;
  if (await page.evaluate(() => typeof WebAssembly !== 'undefined')) throw new Error(`${JITLESS} did not reach the page's V8 (WebAssembly is still there)`);
}
const JITLESS = '--js-flags=--jitless';
/** Log label of a memory run: with the JIT-off control, says so. */
const jitLabel = () => (browserArgs.includes(JITLESS) ? ', JIT off' : '');

async function benchMemory(base: string, actors: Array<{ id: string; name: string }>): Promise<{ samples: HeapSample[]; actors: number; load0: number[]; load1: number[] }> {
  const load0 = os.loadavg();
  const { context, page } = await freshPage({ reducedMotion: 'reduce' });
  await page.goto(`${base}/`);
  await idle(page);
  await assertJitless(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const measure = (step: number, t0: number) => heapSample(page, cdp, step, t0);
  const samples: HeapSample[] = [];
  const t0 = performance.now();
  let step = 0;
  for (const next of memoryCheckpoints(actors.length)) {
    // Selection changes through the URL (#actor=…, as Back/Forward or a shared link), each waited
    // for until the panel shows it whole; every 10th also waits for a frame, so the
    // map applies the feature-state and camera changes as it goes (it draws whenever it can).
    await page.evaluate(
      async ({ from, to, actors }) => {
        for (let s = from; s < to; s++) {
          const a = actors[s % actors.length]!;
          location.hash = `#actor=${a.id}`;
          const t = performance.now();
          // Shown whole: the heading, then the claims and charts (the panel's second render, after
          // the first frame: src/details/details-panel.tsx).
          const shown = () => {
            const aside = document.querySelector('aside.details');
            return aside?.getAttribute('data-id') === a.id && !!aside.querySelector('.details-claims:not([hidden])');
          };
          while (!shown()) {
            if (performance.now() - t > 10_000) throw new Error(`selection ${a.id} not shown after 10 s`);
            await new Promise((r) => setTimeout(r, 0));
          }
          if (s % 10 === 9) await new Promise((r) => requestAnimationFrame(r));
        }
      },
      { from: step, to: next, actors },
    );
    step = next;
    const sample = await measure(step, t0);
    samples.push(sample);
    log(`  memory${jitLabel()} after ${step} selection changes: ${mb(sample.used)} used heap, ${sample.nodes} DOM nodes (${f1(sample.ms / 1000)} s)`);
  }
  await context.close();
  return { samples, actors: actors.length, load0, load1: os.loadavg() };
}

/** A camera as `map.jumpTo` takes it. */
interface ViewCam {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/**
 * The cameras the memory workload passes through: Sitmap's camera after each of the first 2n
 * selection changes (n actors), made from the opening view as the workload makes them, each waited
 * for until the map is idle. A selection moves the camera only to bring its actor into view, so a
 * camera can depend on the one before; from the second cycle on the sequence repeats.
 */
async function workloadCameras(base: string, actors: Array<{ id: string }>): Promise<ViewCam[]> {
  const { context, page } = await freshPage({ reducedMotion: 'reduce' });
  await page.goto(`${base}/`);
  await idle(page);
  const cams: ViewCam[] = [];
  for (let s = 0; s < 2 * actors.length; s++) {
    const id = actors[s % actors.length]!.id;
    await page.evaluate((id) => void (location.hash = `#actor=${id}`), id);
    await page.locator(`aside.details[data-id="${id}"] .details-claims:not([hidden])`).waitFor({ timeout: 60_000 });
    await idle(page);
    cams.push(
      await page.evaluate(() => {
        const map = window.__sitmapMap!;
        const c = map.getCenter();
        return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
      }),
    );
  }
  await context.close();
  return cams;
}

/** The bare MapLibre page (reducedMotion reduce) at Sitmap's opening camera, idle, its map as `window.__sitmapMap`. */
async function openBarePage(base: string, bareConfigUrl: string, camera: Camera) {
  const { context, page } = await freshPage({ reducedMotion: 'reduce' });
  await page.goto(`${base}${bareUrl(bareConfigUrl, camera)}`);
  await page.waitForFunction(() => !!(window as unknown as { __bareMap?: unknown }).__bareMap, null, { timeout: 120_000 });
  // waitForMapIdle (via idle()) waits on window.__sitmapMap.
  await page.evaluate(() => void (window.__sitmapMap = (window as unknown as { __bareMap: import('maplibre-gl').Map }).__bareMap));
  await idle(page);
  await assertJitless(page);
  return { context, page };
}

/**
 * The control for the memory figure: bare MapLibre (bench/bare-load.html, the same basemap, sources
 * and layers as Sitmap at start) doing the map's share of the same selection changes: the actor's
 * `selected` feature-state on its marker and its territory (set, and cleared on the one before), and
 * the camera Sitmap reached for that change (`workloadCameras`), each change followed by a frame
 * and PRESENTATION_ALLOWANCE_MS (when Sitmap applies its map changes after the input). Same
 * checkpoints and measurement as Sitmap's.
 */
async function benchBareMemory(base: string, bareConfigUrl: string, camera: Camera, actors: Array<{ id: string; iso3?: string | null }>, cams: ViewCam[]): Promise<HeapSample[]> {
  const { context, page } = await openBarePage(base, bareConfigUrl, camera);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const n = actors.length;
  const samples: HeapSample[] = [];
  const t0 = performance.now();
  let step = 0;
  for (const next of memoryCheckpoints(n)) {
    await page.evaluate(
      async ({ from, to, actors, cams, allow }) => {
        const map = window.__sitmapMap!;
        const n = actors.length;
        const mark = (s: number, on: boolean) => {
          const a = actors[s % n]!;
          map.setFeatureState({ source: 'sitmap-actors', id: a.id }, { selected: on });
          if (a.iso3) map.setFeatureState({ source: 'countries', id: a.iso3 }, { selected: on });
        };
        for (let s = from; s < to; s++) {
          if (s > 0) mark(s - 1, false);
          mark(s, true);
          map.jumpTo(cams[s < 2 * n ? s : n + (s % n)]!);
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, allow)));
          if (s % 10 === 9) await new Promise((r) => requestAnimationFrame(r));
        }
      },
      { from: step, to: next, actors, cams, allow: PRESENTATION_ALLOWANCE_MS },
    );
    step = next;
    const sample = await heapSample(page, cdp, step, t0);
    samples.push(sample);
    log(`  bare MapLibre${jitLabel()} after ${step} selection changes: ${mb(sample.used)} used heap (${f1(sample.ms / 1000)} s)`);
  }
  await context.close();
  return samples;
}

/**
 * Briefing steps: the audience view of the Kursk briefing, stepped with the keyboard as a clicker
 * does (→, and Home from the last step back to the first), each step waited for until the map has
 * settled there (`data-settled`). Checkpoints where the same step is shown (changes ≡ 1 mod the
 * number of steps), from after the 1st change to the first such count ≥ STEPS.
 */
/**
 * Checkpoints of the briefing workload (steps taken so far), where the same step is shown as after
 * the 1st (changes ≡ 1 mod `nSteps`); the last is the first such count ≥ `total`. A shorter run's
 * checkpoints are the first of a longer one's.
 */
function briefingCheckpoints(nSteps: number, total = STEPS): { set: Set<number>; last: number } {
  const last = Math.ceil((total - 1) / nSteps) * nSteps + 1;
  const same = (k: number) => Math.max(1, Math.round((k - 1) / nSteps) * nSteps + 1);
  return { set: new Set([1, 1 + nSteps, same(250), same(500), same(750), last].filter((c) => c <= last)), last };
}

async function benchBriefingMemory(base: string, nSteps: number, total = STEPS): Promise<{ samples: HeapSample[]; steps: number; load0: number[]; load1: number[] }> {
  const load0 = os.loadavg();
  const { context, page } = await freshPage({ reducedMotion: 'reduce' });
  await page.goto(`${base}/#briefing=kursk&step=1`);
  await page.locator('.briefing-audience[data-settled="1"]').waitFor({ timeout: 180_000 });
  await assertJitless(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const measure = (step: number, t0: number) => heapSample(page, cdp, step, t0);
  const { set: checkpoints, last: lastChange } = briefingCheckpoints(nSteps, total);
  const samples: HeapSample[] = [];
  const t0 = performance.now();
  let shown = 1; // 1-based step on screen
  for (let change = 1; change <= lastChange; change++) {
    const next = shown === nSteps ? 1 : shown + 1;
    await page.keyboard.press(shown === nSteps ? 'Home' : 'ArrowRight');
    await page.locator(`.briefing-audience[data-settled="${next}"]`).waitFor({ timeout: 60_000 });
    shown = next;
    if (checkpoints.has(change)) {
      const sample = await measure(change, t0);
      samples.push(sample);
      log(`  memory${jitLabel()} after ${change} briefing steps: ${mb(sample.used)} used heap, ${sample.nodes} DOM nodes (${f1(sample.ms / 1000)} s)`);
    }
  }
  await context.close();
  return { samples, steps: nSteps, load0, load1: os.loadavg() };
}

/** A feature whose state Sitmap's map may set: a scenario feature (its `id`) or a country (its iso3). */
interface StateTarget {
  source: string;
  id: string;
}
/** What Sitmap's map shows on one briefing step, as the bare page can set it. */
interface StepMapState {
  cam: ViewCam;
  /** The map's global state (`day`, `projector`). */
  global: Record<string, unknown>;
  /** The feature-state of each target (`StateTarget`, same order); `{}` where none is set. */
  states: Array<Record<string, unknown>>;
}

/** Every feature of the bare config's scenario sources and every actor's country: what a feature-state may be set on. */
function stateTargets(config: { style: { sources: Record<string, unknown> } }, actors: Array<{ iso3?: string | null }>): StateTarget[] {
  const out: StateTarget[] = [];
  for (const [source, spec] of Object.entries(config.style.sources)) {
    const data = (spec as { data?: unknown }).data;
    if (!data || typeof data !== 'object') continue; // the basemap, by URL
    for (const f of (data as GeoJSON.FeatureCollection).features) if (f.properties?.id != null) out.push({ source, id: String(f.properties.id) });
  }
  for (const a of actors) if (a.iso3) out.push({ source: 'countries', id: a.iso3 });
  return out;
}

/**
 * The map's share of each briefing step, read from Sitmap's own map: the audience view of the
 * Kursk briefing (reducedMotion reduce), each step from the 1st to the last waited for until
 * settled, then its camera, global state and the feature-state of every `targets` feature.
 */
async function briefingMapStates(base: string, nSteps: number, targets: StateTarget[]): Promise<StepMapState[]> {
  const { context, page } = await freshPage({ reducedMotion: 'reduce' });
  await page.goto(`${base}/#briefing=kursk&step=1`);
  const out: StepMapState[] = [];
  for (let n = 1; n <= nSteps; n++) {
    if (n > 1) await page.keyboard.press('ArrowRight');
    await page.locator(`.briefing-audience[data-settled="${n}"]`).waitFor({ timeout: 180_000 });
    await idle(page);
    out.push(
      await page.evaluate((targets) => {
        const map = window.__sitmapMap!;
        const c = map.getCenter();
        return {
          cam: { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() },
          global: { ...map.getGlobalState() },
          states: targets.map((t) => (map.getSource(t.source) ? { ...(map.getFeatureState(t) ?? {}) } : {})),
        };
      }, targets),
    );
  }
  await context.close();
  return out;
}

/**
 * The control for the briefing memory figure: bare MapLibre (bench/bare-load.html, Sitmap's
 * start-up style) doing the map's share of the same steps (`briefingMapStates`): for each step
 * the camera Sitmap settled at (`jumpTo`), its global state (`day`, `projector`) and the
 * feature-states that differ from the step before (`selected`, `highlight`, `done`; a key the step
 * does not have is set false), then the map's next `idle`. Not Sitmap's presenting extras (the
 * label keep-out layers, the names' fade-in, the projector theme's paint changes), so a lower bound
 * on the map's share. Same checkpoints and measurement as Sitmap's.
 */
async function benchBareBriefingMemory(base: string, bareConfigUrl: string, camera: Camera, targets: StateTarget[], steps: StepMapState[], total = STEPS): Promise<HeapSample[]> {
  const { context, page } = await openBarePage(base, bareConfigUrl, camera);
  const show = (to: number, from: number | null) =>
    page.evaluate(
      async ({ targets, want, had }) => {
        const map = window.__sitmapMap!;
        map.jumpTo(want.cam);
        const global = map.getGlobalState();
        for (const [k, v] of Object.entries(want.global)) if (global[k] !== v) map.setGlobalStateProperty(k, v);
        targets.forEach((t, i) => {
          const w = want.states[i]!;
          const h = had ? had.states[i]! : {};
          if (JSON.stringify(w) === JSON.stringify(h)) return;
          map.setFeatureState(t, { ...Object.fromEntries(Object.keys(h).map((k) => [k, false])), ...w });
        });
        const done = new Promise((r) => map.once('idle', r));
        map.triggerRepaint();
        await done;
      },
      { targets, want: steps[to]!, had: from === null ? null : steps[from]! },
    );
  await show(0, null); // opened on step 1, as Sitmap's audience view
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const n = steps.length;
  const { set: checkpoints, last } = briefingCheckpoints(n, total);
  const samples: HeapSample[] = [];
  const t0 = performance.now();
  for (let change = 1; change <= last; change++) {
    await show(change % n, (change - 1) % n);
    if (checkpoints.has(change)) {
      const sample = await heapSample(page, cdp, change, t0);
      samples.push(sample);
      log(`  bare MapLibre${jitLabel()} after ${change} briefing steps: ${mb(sample.used)} used heap (${f1(sample.ms / 1000)} s)`);
    }
  }
  await context.close();
  return samples;
}

/** Used heap at the last checkpoint vs the first, in per cent. */
const growthPct = (s: HeapSample[]) => (s.at(-1)!.used / s[0]!.used - 1) * 100;
const signedPct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;

/**
 * The runs of one memory workload: each run's growth (last checkpoint vs the 1st), their median
 * (the verdict's figure), and the run whose growth is the median (the lower one of the middle two
 * for an even count), whose checkpoints the section tables.
 */
interface MemoryRuns {
  runs: HeapSample[][];
  growth: number[];
  median: number;
  mid: number;
}
function memoryRuns(runs: HeapSample[][]): MemoryRuns {
  const growth = runs.map(growthPct);
  const order = growth.map((g, i) => [g, i] as const).sort((a, b) => a[0] - b[0]);
  return { runs, growth, median: median(growth), mid: order[Math.floor((order.length - 1) / 2)]![1] };
}
/**
 * `MEMORY_RUNS` runs of a memory workload (`what`, for the log): their growth, and the median run
 * (whose checkpoints are tabled) with the load averages from the first run's start to the last's end.
 */
async function memoryWorkload<R extends { samples: HeapSample[]; load0: number[]; load1: number[] }>(what: string, run: () => Promise<R>): Promise<{ all: R[]; runs: MemoryRuns; median: R }> {
  const all: R[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) {
    log(`${what}: run ${i + 1}/${MEMORY_RUNS}…`);
    all.push(await run());
  }
  const runs = memoryRuns(all.map((r) => r.samples));
  return { all, runs, median: { ...all[runs.mid]!, load0: all[0]!.load0, load1: all.at(-1)!.load1 } };
}
/** Summary text of a workload's runs: median growth, min–max, and the median run's heap. */
function runsMeasured(r: MemoryRuns): string {
  const s = r.runs[r.mid]!;
  return `median ${signedPct(r.median)} of ${r.runs.length} run(s) (${r.runs.length > 1 ? `${signedPct(Math.min(...r.growth))} to ${signedPct(Math.max(...r.growth))}; ` : ''}median run ${mb(s[0]!.used)} → ${mb(s.at(-1)!.used)})`;
}
/** One row per run: the heap after the 1st change, after one cycle, after the last; its growth. */
function runsTable(r: MemoryRuns, unit: string): string[] {
  const s0 = r.runs[0]!;
  return [
    `| run | used JS heap after the 1st ${unit} | after ${s0[1]?.step ?? '–'} (one cycle) | after ${s0.at(-1)!.step} | vs after the 1st | from one cycle to the last | DOM nodes, 1st → last | elapsed s |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.runs.map((s, i) => {
      const first = s[0]!;
      const cycle = s[1];
      const last = s.at(-1)!;
      return `| ${i + 1}${i === r.mid ? ' (median)' : ''} | ${mb(first.used)} | ${cycle ? mb(cycle.used) : '–'} | ${mb(last.used)} | ${signedPct(r.growth[i]!)} | ${cycle ? signedPct((last.used / cycle.used - 1) * 100) : '–'} | ${first.nodes} → ${last.nodes} | ${f1(last.ms / 1000)} |`;
    }),
    '',
  ];
}

/**
 * The bare-MapLibre control beside Sitmap's median run, checkpoint by checkpoint (`unit`: what was
 * repeated, plural; `one`: its singular), and what it says about the target.
 */
function bareComparison(samples: HeapSample[], bare: HeapSample[], unit: string, one: string): string[] {
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const b0 = bare[0]!;
  const bLast = bare.at(-1)!;
  const bChange = growthPct(bare);
  const grown = (s: HeapSample[], i: number) => s[i]!.used - s[0]!.used;
  return [
    `| after ${unit} | Sitmap used JS heap | vs after the 1st | bare MapLibre used JS heap | vs after the 1st | Sitmap growth / bare growth |`,
    '|---:|---:|---:|---:|---:|---:|',
    ...samples.map((s, i) => {
      const b = bare[i];
      if (!b) return `| ${s.step} | ${mb(s.used)} | – | – | – | – |`;
      return `| ${s.step} | ${mb(s.used)} | ${i ? `${((s.used / first.used - 1) * 100).toFixed(1)} %` : '–'} | ${mb(b.used)} | ${i ? `${((b.used / b0.used - 1) * 100).toFixed(1)} %` : '–'} | ${i && grown(bare, i) > 0 ? f2(grown(samples, i) / grown(bare, i)) : '–'} |`;
    }),
    '',
    `Bare MapLibre after ${bLast.step} ${unit} vs after the 1st: **${signedPct(bChange)}** (${mb(b0.used)} → ${mb(bLast.used)}): the map's share alone, with no app around it, ${bChange <= TARGET.heapPct ? 'stays within' : 'already exceeds'} the +${TARGET.heapPct} % target. Sitmap's heap grew ${mb(last.used - first.used)} over the same ${unit}, bare MapLibre's ${mb(bLast.used - b0.used)}. The map's growth alone is ${signedPct(((bLast.used - b0.used) / first.used) * 100)} of Sitmap's heap after the 1st ${one}: were nothing of Sitmap's own to grow, its figure would ${(bLast.used - b0.used) / first.used <= TARGET.heapPct / 100 ? 'be within' : 'still be over'} the target.`,
    '',
  ];
}

function briefingMemorySection(r: { samples: HeapSample[]; runs: MemoryRuns; steps: number; bare: HeapSample[]; jitOff: { sitmap: HeapSample[]; bare: HeapSample[] }; load0: number[]; load1: number[] }): string {
  const first = r.samples[0]!;
  const last = r.samples.at(-1)!;
  const change = r.runs.median;
  return [
    `Command: \`${COMMAND}\` (this section alone: \`${only('briefing')}\`). \`/#briefing=kursk&step=1\`, reducedMotion reduce, the audience view stepped with the keyboard (→; Home from step ${r.steps} back to 1), each step waited for until the map settled there; ${r.runs.runs.length} run(s), each in a fresh page. Checkpoints show the same step (changes ≡ 1 mod ${r.steps}); measured as in the section above (the map's next \`idle\`, three \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`). Load average at start ${r.load0.map((x) => x.toFixed(2)).join(' / ')}, at end ${r.load1.map((x) => x.toFixed(2)).join(' / ')}.`,
    '',
    ...runsTable(r.runs, 'step'),
    `Checkpoints of run ${r.runs.mid + 1}, the median run:`,
    '',
    '| after briefing steps | used JS heap | vs after the 1st | total heap | DOM nodes | JS event listeners | elapsed s |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...r.samples.map((s) => `| ${s.step} | ${mb(s.used)} | ${s === first ? '–' : `${((s.used / first.used - 1) * 100).toFixed(1)} %`} | ${mb(s.total)} | ${s.nodes} | ${s.listeners} | ${f1(s.ms / 1000)} |`),
    '',
    `**Heap after ${last.step} briefing steps vs after the 1st, median of ${r.runs.runs.length} run(s): ${signedPct(change)} → ${verdict(change <= TARGET.heapPct)}** (target ≤ +${TARGET.heapPct} %; runs ${r.runs.growth.map(signedPct).join(', ')}). Median run: DOM nodes ${first.nodes} → ${last.nodes}, JS event listeners ${first.listeners} → ${last.listeners}.`,
    '',
    `**Control, same run: bare MapLibre doing the map's share of the same steps.** \`bench/bare-load.html\` (Sitmap's start-up style: the same maplibre-gl build, basemap, sources and layers), the same canvas and reducedMotion. The map's state on each step was read from Sitmap's own map beforehand (a separate page, each step waited for until settled): its camera, its global state (\`day\`, \`projector\`) and the feature-state of every scenario feature and actor country (\`selected\`, \`highlight\`, the routes' \`done\`). For each step the bare page jumps to that camera, sets that global state and the feature-states that differ from the step before, then waits for the map's \`idle\`. No React, no panels, no URL, and not Sitmap's presenting extras on the map (the label keep-out layers, the names' fade-in, the projector theme's paint changes): a lower bound on the map's share. Same checkpoints and measurement.`,
    '',
    ...bareComparison(r.samples, r.bare, 'briefing steps', 'step'),
    ...jitOffSection(r.samples, r.bare, r.jitOff, 'briefing steps'),
  ].join('\n');
}

function memorySection(r: { samples: HeapSample[]; runs: MemoryRuns; bare: HeapSample[]; jitOff: { sitmap: HeapSample[]; bare: HeapSample[] }; actors: number; load0: number[]; load1: number[] }): string {
  const first = r.samples[0]!;
  const last = r.samples.at(-1)!;
  const change = r.runs.median;
  const cycle = r.samples[1]!;
  const n = r.runs.runs.length;
  return [
    `Command: \`${COMMAND}\` (this section alone: \`${only('memory')}\`). Sitmap \`/\` (Kursk), ${n} run(s), each in a fresh page, reducedMotion reduce (a selection off screen jumps the camera instead of flying, so each change is one frame). Selection changes by \`location.hash = '#actor=…'\` (the app's hash sync selects, as for Back/Forward or a shared link), cycling through the scenario's ${r.actors} actors so that each change selects a different actor; each change is waited for until the details panel shows it whole (its heading, then its claims and charts, which render after the first frame), and every 10th also for a frame, so the map applies the feature-state and camera changes as it goes. At each checkpoint: the map's next \`idle\`, then three \`HeapProfiler.collectGarbage\` (CDP), then \`Runtime.getHeapUsage\` (the page's main-thread JS heap; workers not included) and \`Memory.getDOMCounters\`. Briefing steps: the next section. Load average at start ${r.load0.map((x) => x.toFixed(2)).join(' / ')}, at end ${r.load1.map((x) => x.toFixed(2)).join(' / ')}.`,
    '',
    ...runsTable(r.runs, 'change'),
    `**Heap after ${last.step} changes vs after the 1st, median of ${n} run(s): ${signedPct(change)} → ${verdict(change <= TARGET.heapPct)}** (target ≤ +${TARGET.heapPct} %; runs ${r.runs.growth.map(signedPct).join(', ')}).`,
    '',
    `Checkpoints of run ${r.runs.mid + 1}, the median run (the controls below are compared with it):`,
    '',
    '| after selection changes | used JS heap | vs after the 1st | total heap | DOM nodes | JS event listeners | elapsed s |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...r.samples.map((s) => `| ${s.step} | ${mb(s.used)} | ${s === first ? '–' : `${((s.used / first.used - 1) * 100).toFixed(1)} %`} | ${mb(s.total)} | ${s.nodes} | ${s.listeners} | ${f1(s.ms / 1000)} |`),
    '',
    `Median run: every checkpoint shows the same actor as the first (${r.samples.length} checkpoints, steps ≡ 1 mod ${r.actors}; the last is the first such step ≥ ${STEPS}), so heap and DOM compare like with like. After one full cycle (${cycle.step} changes, every actor's panel built once) the heap was ${mb(cycle.used)}; from there to ${last.step}: ${signedPct((last.used / cycle.used - 1) * 100)} (${f1((last.used - cycle.used) / 1024 / (last.step - cycle.step))} KB per change). Growth per change between checkpoints (KB): ${r.samples.slice(1).map((x, i) => `${r.samples[i]!.step}→${x.step} ${f2((x.used - r.samples[i]!.used) / 1024 / (x.step - r.samples[i]!.step))}`).join(', ')}. DOM nodes ${first.nodes} → ${last.nodes}, JS event listeners ${first.listeners} → ${last.listeners}.`,
    '',
    `**Control, same run: bare MapLibre doing the map's share of the same changes.** \`bench/bare-load.html\` (the same maplibre-gl build, basemap, sources and layers as Sitmap at start, as in the cold-load section), the same canvas and reducedMotion; for each change the \`selected\` feature-state on the actor's marker and territory (and cleared on the one before) and a \`jumpTo\` the camera Sitmap reached for that change (recorded on a separate page beforehand, each change waited for until the map was idle), then a frame and ${PRESENTATION_ALLOWANCE_MS} ms (when Sitmap applies its map changes); every 10th change also a frame. No React, no panel, no URL. Same checkpoints and measurement.`,
    '',
    ...bareComparison(r.samples, r.bare, 'selection changes', 'change'),
    ...jitOffSection(r.samples, r.bare, r.jitOff),
    'What the heap gained, by constructor (heap snapshots over CDP on a readable build): `npx tsx bench/profile-load.ts memory`. By V8 heap space (code, trusted, old space): `npx tsx bench/heap-spaces.ts`.',
    '',
  ].join('\n');
}

/**
 * The JIT-off control: the same two workloads in a browser whose V8 runs without its JIT, so the
 * heap holds no baseline or optimised code and no feedback vectors. What still grows there is data
 * kept (the app's, MapLibre's, the browser's buffers); the difference to the usual run is V8
 * compiling functions as they get hot.
 */
function jitOffSection(sitmap: HeapSample[], bare: HeapSample[], off: { sitmap: HeapSample[]; bare: HeapSample[] }, unit = 'selection changes'): string[] {
  const at = (s: HeapSample[], i: number) => (s[i] ? `${mb(s[i].used)}${i ? ` (${signedPct((s[i].used / s[0]!.used - 1) * 100)})` : ''}` : '–');
  // Compared at the JIT-off run's last checkpoint (a shorter run's checkpoints are the first of the
  // JIT-on run's).
  const k = off.sitmap.length - 1;
  const grew = (s: HeapSample[]) => s[Math.min(k, s.length - 1)]!.used - s[0]!.used;
  const code = (on: HeapSample[], o: HeapSample[]) => grew(on) - grew(o);
  const share = (on: HeapSample[], o: HeapSample[]) => (grew(on) > 0 ? `${Math.round((code(on, o) / grew(on)) * 100)} %` : '–');
  const last = off.sitmap.at(-1)!;
  const offCh = growthPct(off.sitmap);
  const shorter = last.step < sitmap.at(-1)!.step;
  return [
    `**Control, same run: both pages with V8's JIT off** (Chromium launched with \`${JITLESS}\`; checked in each page: WebAssembly, which the flag removes, is absent). V8 then only interprets: no baseline or optimised code, no feedback vectors, so what still grows is data the page keeps (the app's, MapLibre's, the browser's). Same workloads, checkpoints and measurement as above, each page in a fresh context of that browser${shorter ? `, for the first ${last.step} ${unit} only (without the JIT each takes about twice as long), compared with the JIT-on runs at the same checkpoints` : ''}.`,
    '',
    `| after ${unit} | Sitmap, JIT off | bare MapLibre, JIT off | Sitmap, JIT on (above) | bare MapLibre, JIT on (above) |`,
    '|---:|---:|---:|---:|---:|',
    ...off.sitmap.map((s, i) => `| ${s.step} | ${at(off.sitmap, i)} | ${at(off.bare, i)} | ${at(sitmap, i)} | ${at(bare, i)} |`),
    '',
    `With the JIT off, Sitmap's heap after ${last.step} ${unit} vs after the 1st: **${signedPct(offCh)}** (${mb(off.sitmap[0]!.used)} → ${mb(last.used)}, ${mb(grew(off.sitmap))}; target ≤ +${TARGET.heapPct} %: ${offCh <= TARGET.heapPct ? 'within it' : 'over it'}); bare MapLibre's ${signedPct(growthPct(off.bare))} (${mb(grew(off.bare))}). Of the growth ${shorter ? `with the JIT on by ${last.step} ${unit}` : 'the verdict above counts'}, compiled code and its metadata are about ${share(sitmap, off.sitmap)} in Sitmap (${mb(code(sitmap, off.sitmap))}) and ${share(bare, off.bare)} in bare MapLibre (${mb(code(bare, off.bare))}), taking the JIT-off growth as the data kept. The verdict stays on the JIT-on figure, the heap users' browsers have.`,
    '',
  ];
}

// ---------- report ----------
const SECTION_TITLE: Record<Section, string> = {
  cold: 'Cold load to the first map idle: Sitmap vs bare MapLibre',
  bytes: 'Bytes: app code and the first load',
  interaction: 'Interaction: click on an actor → details painted',
  scale: 'Scale: 100, 1,000 and 10,000 claims and relations',
  memory: 'Memory: JS heap after 1,000 selection changes',
  briefing: 'Memory: JS heap after 1,000 briefing steps',
};
interface Summary {
  section: Section;
  figure: string;
  measured: string;
  target: string;
  ok: boolean;
}

function previousSections(): Record<string, string> {
  if (!existsSync(LOAD_MD)) return {};
  const text = readFileSync(LOAD_MD, 'utf8');
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/<!-- section:(\w+) -->\n([\s\S]*?)<!-- \/section:\1 -->/g)) out[m[1]!] = m[2]!;
  return out;
}
function previousSummary(): Record<string, string[]> {
  if (!existsSync(LOAD_MD)) return {};
  const text = readFileSync(LOAD_MD, 'utf8');
  const out: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const m = /^\| .* <!--(\w+)--> \|$/.exec(line);
    if (m) (out[m[1]!] ??= []).push(line);
  }
  return out;
}

// ---------- main ----------
async function main() {
  const started = new Date();
  const load0 = os.loadavg();
  const buildNote = ensureBuilt();
  snapshotDist();
  const kurskText = readFileSync(KURSK_FILE, 'utf8');
  const kursk = loadScenarioText(kurskText, KURSK_FILE);
  if (!kursk.ok) throw new Error(`${KURSK_FILE} is not a valid scenario: ${kursk.problems[0]?.message}`);
  const { url: configUrl, config } = writeLoadFixtures('kursk', localizeScenario(kursk.scenario, 'en'), SNAPSHOT);
  if (ONLY.includes('scale')) {
    log('writing scale fixtures (bench/fixtures/scale-*.json)…');
    writeScaleFixtures();
  }
  const kurskEn = localizeScenario(kursk.scenario, 'en');
  const primary = kurskEn.actors.filter((a) => a.tier === 'primary');
  const actors = [...primary, ...kurskEn.actors.filter((a) => a.tier !== 'primary')].map((a) => ({ id: a.id, name: a.name, iso3: a.iso3 }));

  const server = await startServer({
    root: SNAPSHOT,
    mounts: {
      '/bench-fixtures/': FIXTURES,
      '/bench/': join(ROOT, 'bench'),
      '/maplibre/': join(ROOT, 'node_modules', 'maplibre-gl', 'dist'),
    },
  });
  const info: MachineInfo = machineInfo((await liveBrowser()).version());
  const raw: Record<string, unknown> = {};
  const sections: Partial<Record<Section, string>> = {};
  const summary: Summary[] = [];
  try {
    // Sitmap's canvas size and opening camera (for the bare page), and the check that the bare
    // config draws what Sitmap draws.
    const needBare = ONLY.includes('cold') || ONLY.includes('bytes') || ONLY.includes('memory') || ONLY.includes('briefing');
    let camera: Camera | undefined;
    let check: string[] = [];
    if (needBare) {
      const first = await coldLoad(server.url, '/', 'sitmap', config.layerIds, { camera: true, check: config });
      camera = first.camera!;
      check = first.check!;
      if (check.length) log(`WARNING: the bare config differs from Sitmap: ${check.join('; ')}`);
    }
    let cold: ColdResult | undefined;
    if (ONLY.includes('cold')) {
      log(`cold load: ${RUNS} × Sitmap and bare, interleaved…`);
      cold = await benchCold(server.url, config, configUrl, camera!, check);
      raw.cold = cold;
      sections.cold = coldSection(cold);
      const ratio = median(cold.samples.filter((s) => s.kind === 'sitmap').map((s) => s.idle)) / median(cold.samples.filter((s) => s.kind === 'bare').map((s) => s.idle));
      summary.push({ section: 'cold', figure: 'Cold load to first idle, Sitmap / bare MapLibre (ratio of medians)', measured: `${f2(ratio)} (${f1(median(cold.samples.filter((s) => s.kind === 'sitmap').map((s) => s.idle)))} vs ${f1(median(cold.samples.filter((s) => s.kind === 'bare').map((s) => s.idle)))} ms, ${RUNS} each)`, target: `≤ ${TARGET.coldRatio}`, ok: ratio <= TARGET.coldRatio });
    }
    if (ONLY.includes('bytes')) {
      log('bytes…');
      const bytes = await benchBytes(server.url, config, configUrl, camera!);
      raw.bytes = bytes;
      sections.bytes = bytesSection(bytes);
      const sent = bytes.sitmap.reduce((s, t) => s + t.sent, 0);
      summary.push({ section: 'bytes', figure: 'App JS + CSS at start without MapLibre (gzip)', measured: kb(bytes.appTotal), target: `≤ ${TARGET.appKB} KB`, ok: bytes.appTotal <= TARGET.appKB * 1024 });
      summary.push({ section: 'bytes', figure: 'First load, everything transferred (gzip, measured in the browser)', measured: `${kb(sent)} (${mb(sent)})`, target: `≤ ${TARGET.firstLoadMB} MB`, ok: sent <= TARGET.firstLoadMB * 1024 * 1024 });
    }
    if (ONLY.includes('interaction')) {
      log(`interaction: ${CLICKS} clicks per condition…`);
      const ix = await withRetry('interaction', () => benchInteraction(server.url, actors));
      raw.interaction = ix;
      sections.interaction = interactionSection(ix);
      const a = ix.samples.filter((s) => s.cond === 'as-is').map((s) => s.inp);
      summary.push({ section: 'interaction', figure: 'Click on an actor → details painted, Event Timing p75 (max)', measured: `${f1(pct(a, 0.75))} ms (max ${f1(Math.max(...a))} ms, ${a.length} clicks)`, target: `≤ ${TARGET.clickP75} ms`, ok: pct(a, 0.75) <= TARGET.clickP75 });
    }
    if (ONLY.includes('scale')) {
      log('scale…');
      const sc = await benchScale(server.url, config.layerIds);
      raw.scale = sc;
      sections.scale = scaleSection(sc);
      const v = nodeVerdict(sc.node);
      summary.push({ section: 'scale', figure: 'Parse + integrity in Node at 10,000 claims/relations (median CPU time); growth 1k → 10k', measured: `${f1(v.cpu)} ms CPU (wall median ${f1(v.wall)} ms); growth exponent ${f2(v.exp)} (1 = linear)`, target: `≤ ${TARGET.node10k} ms, near linear`, ok: v.ok });
    }
    if (ONLY.includes('memory')) {
      const { all: memRuns, runs, median: mem } = await memoryWorkload(`memory, ${STEPS} selection changes`, () => withRetry('memory', () => benchMemory(server.url, actors)));
      log('memory: the cameras of those changes, for the bare MapLibre control…');
      const cams = await withRetry('memory (cameras)', () => workloadCameras(server.url, actors));
      log(`memory: bare MapLibre, the map's share of ${STEPS} selection changes…`);
      const bare = await withRetry('memory (bare)', () => benchBareMemory(server.url, configUrl, camera!, actors, cams));
      log(`memory: both again with V8's JIT off (${JITLESS}), to tell compiled code from data kept…`);
      const jitOff = await withBrowserArgs([JITLESS], async () => ({
        sitmap: (await withRetry('memory (JIT off)', () => benchMemory(server.url, actors))).samples,
        bare: await withRetry('memory (bare, JIT off)', () => benchBareMemory(server.url, configUrl, camera!, actors, cams)),
      }));
      raw.memory = { runs: memRuns, median: runs.mid, bare, cams, jitOff };
      sections.memory = memorySection({ ...mem, runs, bare, jitOff });
      const bch = growthPct(bare);
      summary.push({ section: 'memory', figure: `JS heap after ${mem.samples.at(-1)!.step} selection changes vs after the 1st`, measured: `${runsMeasured(runs)}; bare MapLibre doing the map's share of the same changes, same run: ${signedPct(bch)} (${mb(bare[0]!.used)} → ${mb(bare.at(-1)!.used)}); both with V8's JIT off (no compiled code), same run: Sitmap ${signedPct(growthPct(jitOff.sitmap))}, bare ${signedPct(growthPct(jitOff.bare))}`, target: `≤ +${TARGET.heapPct} %`, ok: runs.median <= TARGET.heapPct });
    }
    if (ONLY.includes('briefing')) {
      const nSteps = (JSON.parse(readFileSync(KURSK_FILE, 'utf8')) as { briefings?: Array<{ steps: unknown[] }> }).briefings?.[0]?.steps.length ?? 0;
      if (nSteps > 1) {
        const { all: bRuns, runs, median: bm } = await memoryWorkload(`briefing, ${STEPS} steps`, () => withRetry('memory (briefing)', () => benchBriefingMemory(server.url, nSteps)));
        log('briefing: the map state of each step, for the bare MapLibre control…');
        const targets = stateTargets(config, actors);
        const stepStates = await withRetry('briefing (map states)', () => briefingMapStates(server.url, nSteps, targets));
        log(`briefing: bare MapLibre, the map's share of ${STEPS} steps…`);
        const bare = await withRetry('briefing (bare)', () => benchBareBriefingMemory(server.url, configUrl, camera!, targets, stepStates));
        log(`briefing: both again with V8's JIT off (${JITLESS}), ${JIT_OFF_STEPS} steps…`);
        const jitOff = await withBrowserArgs([JITLESS], async () => ({
          sitmap: (await withRetry('briefing (JIT off)', () => benchBriefingMemory(server.url, nSteps, JIT_OFF_STEPS))).samples,
          bare: await withRetry('briefing (bare, JIT off)', () => benchBareBriefingMemory(server.url, configUrl, camera!, targets, stepStates, JIT_OFF_STEPS)),
        }));
        raw.briefing = { runs: bRuns, median: runs.mid, stepStates: stepStates.map((s) => ({ cam: s.cam, global: s.global, set: s.states.filter((x) => Object.keys(x).length).length })), bare, jitOff };
        sections.briefing = briefingMemorySection({ ...bm, runs, bare, jitOff });
        summary.push({ section: 'briefing', figure: `JS heap after ${bm.samples.at(-1)!.step} briefing steps vs after the 1st`, measured: `${runsMeasured(runs)}; bare MapLibre doing the map's share of the same steps, same run: ${signedPct(growthPct(bare))} (${mb(bare[0]!.used)} → ${mb(bare.at(-1)!.used)}); both with V8's JIT off, same run, after ${jitOff.sitmap.at(-1)!.step} steps: Sitmap ${signedPct(growthPct(jitOff.sitmap))}, bare ${signedPct(growthPct(jitOff.bare))}`, target: `≤ +${TARGET.heapPct} %`, ok: runs.median <= TARGET.heapPct });
      }
    }
  } finally {
    await current?.close();
    await server.close();
  }
  const load1 = os.loadavg();
  const finished = new Date();
  mkdirSync(FIXTURES, { recursive: true });
  writeAtomic(RAW, JSON.stringify({ started, finished, info, command: COMMAND, options: { RUNS, SCALE_RUNS, NODE_RUNS, CLICKS, STEPS, ONLY }, ...raw, outside, pageErrors }, null, 1));

  // load.md: this run's sections; sections not run this time are kept from the previous file.
  const prev = previousSections();
  const prevSummary = previousSummary();
  const stamp = started.toISOString().slice(0, 16).replace('T', ' ');
  const sectionText = (s: Section) =>
    sections[s] ? `_Measured ${stamp} UTC by \`${COMMAND}\`._\n\n${sections[s]}` : prev[s];
  const summaryRows = SECTIONS.flatMap((s) =>
    sections[s]
      ? summary.filter((x) => x.section === s).map((x) => `| ${x.figure} | ${x.measured} | ${x.target} | **${verdict(x.ok)}** | \`${COMMAND}\` (${stamp}) <!--${s}--> |`)
      : (prevSummary[s] ?? []),
  );
  const md = [
    '# Sitmap load benchmark: results',
    '',
    `Written by \`npm run bench:load\` (bench/load-bench.ts); last run ${stamp} UTC, \`${COMMAND}\`, took ${Math.round((finished.getTime() - started.getTime()) / 1000)} s. ${ONLY.length < SECTIONS.length ? `That run measured only: ${ONLY.join(', ')}; the other sections are from earlier runs, each naming its own command and date.` : ''}`,
    'Ratios compare conditions measured side by side, interleaved, in the same run and browser; absolute times on this shared machine drift between runs.',
    '',
    '## Machine (last run)',
    '',
    `- ${info.nproc} cores, CPU: ${info.cpu}; memory ${info.memGiB} GiB; ${info.os}`,
    `- Chromium ${info.chromium} (Debian, headless, software WebGL2: ANGLE on SwiftShader), viewport ${VIEWPORT.width}×${VIEWPORT.height}, deviceScaleFactor 1`,
    `- Node ${info.node}; app at ${info.git}; ${buildNote}; served from a copy (bench/fixtures/load-dist) by e2e/server.ts on 127.0.0.1 (no compression, \`cache-control: no-store\`)`,
    `- Load average (1/5/15 min) at start ${load0.map((x) => x.toFixed(2)).join(' / ')}, at end ${load1.map((x) => x.toFixed(2)).join(' / ')} (shared machine)`,
    '',
    '## Summary',
    '',
    '| figure | measured | target | verdict | command (date UTC) |',
    '|---|---|---|---|---|',
    ...summaryRows,
    '',
    ...SECTIONS.flatMap((s) => {
      const text = sectionText(s);
      return text ? [`## ${SECTION_TITLE[s]}`, '', `<!-- section:${s} -->`, text.trimEnd(), `<!-- /section:${s} -->`, ''] : [];
    }),
    ...(relaunches.length ? [`**The browser went away and was relaunched ${relaunches.length} time(s) during the last run** (${relaunches.join('; ')}); the interrupted measurement was repeated after an unrecorded load.`, ''] : []),
    ...(pageErrors.length ? ['## Page errors during the last run', '', ...pageErrors.slice(0, 20).map((e) => `- ${e}`), ''] : []),
    outside.length ? `**${outside.length} request(s) outside 127.0.0.1 were attempted:** ${outside.slice(0, 5).join(', ')}` : 'No request left 127.0.0.1 in the last run.',
    '',
  ];
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeAtomic(LOAD_MD, md.join('\n'));
  log(`wrote ${relative(ROOT, LOAD_MD)}; assembling bench/RESULTS.md…`);
  log(`wrote ${relative(ROOT, assembleResults())}`);
  process.stdout.write(md.join('\n'));
  if (outside.length) process.exitCode = 1;
}

await main();
