/**
 * Assembles bench/RESULTS.md from the result files each benchmark writes to bench/results/*.md
 * (time.md from bench/time-bench.ts, load.md from bench/load-bench.ts, any other *.md after them):
 * a header (machine, date, which parts and when each was written), then every part verbatim with
 * its headings moved down one level. Run by `npm run bench:load` at its end, and on its own:
 *
 *   npx tsx bench/assemble.ts          (npm run bench:assemble)
 *
 * Transition: while time-bench.ts still writes bench/RESULTS.md itself, a RESULTS.md that this
 * script did not assemble (no marker) and that holds the time benchmark's output is newer than
 * anything in bench/results/, so it is first saved as bench/results/time.md and then kept.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
export const RESULTS_MD = join(ROOT, 'bench', 'RESULTS.md');
const MARKER = '<!-- assembled by bench/assemble.ts from bench/results/*.md; edit those, not this file -->';
/** Parts in this order first; any other bench/results/*.md after them, by name. */
const ORDER = ['time.md', 'load.md'];

export interface MachineInfo {
  nproc: number;
  cpu: string;
  memGiB: string;
  os: string;
  node: string;
  chromium: string;
  git: string;
}

/** The machine and checkout; `browserVersion` from a launched browser, else `chromium --version`. */
export function machineInfo(browserVersion?: string): MachineInfo {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model ?? '?';
  const mem = readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s*(\d+)/)?.[1];
  let chromium = browserVersion ?? '?';
  if (!browserVersion) {
    try {
      chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^Chromium\s+/, '');
    } catch {
      /* not installed */
    }
  }
  let git = '?';
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    const dirty = execSync('git status --porcelain -- src index.html vite.config.ts', { cwd: ROOT }).toString().trim().split('\n').filter(Boolean).length;
    git = `${head}${dirty ? ` + ${dirty} uncommitted change(s) in src/` : ''}`;
  } catch {
    /* not a git checkout */
  }
  return {
    nproc: os.availableParallelism(),
    cpu,
    memGiB: mem ? (Number(mem) / 1024 / 1024).toFixed(1) : '?',
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    git,
  };
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomic(file: string, text: string) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Moves every Markdown heading down one level (outside code fences). */
function demote(md: string): string {
  let fenced = false;
  return md
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n');
}

/** Saves a RESULTS.md written directly by time-bench.ts (not assembled) as results/time.md. */
function adoptLegacyTimeResults(): void {
  if (!existsSync(RESULTS_MD)) return;
  const text = readFileSync(RESULTS_MD, 'utf8');
  if (text.includes(MARKER) || !/^# Sitmap time benchmark/m.test(text)) return;
  const target = join(RESULTS_DIR, 'time.md');
  if (existsSync(target) && statSync(target).mtimeMs >= statSync(RESULTS_MD).mtimeMs) return;
  writeAtomic(target, text);
}

export function assembleResults(): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  adoptLegacyTimeResults();
  const files = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort((a, b) => {
      const ia = ORDER.indexOf(a);
      const ib = ORDER.indexOf(b);
      return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib) || a.localeCompare(b);
    });
  const m = machineInfo();
  const stamp = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  const parts = files.map((f) => ({ f, text: readFileSync(join(RESULTS_DIR, f), 'utf8').trim(), at: statSync(join(RESULTS_DIR, f)).mtime }));
  const title = (text: string) => text.match(/^# (.+)$/m)?.[1] ?? '(untitled)';
  const md = [
    MARKER,
    '# Sitmap benchmarks: results',
    '',
    `Assembled by bench/assemble.ts (at the end of \`npm run bench:load\`, or \`npm run bench:assemble\`) on ${stamp(new Date())} UTC from ${files.length} part(s) in bench/results/. Each part was written by the command it names, on the date it gives, with the machine load of its own run; \`npm run bench\` runs them all in sequence. Timings are reported, never asserted in a test.`,
    '',
    '## Machine',
    '',
    `- ${m.nproc} cores (\`nproc\`), CPU: ${m.cpu}; memory ${m.memGiB} GiB; ${m.os}`,
    `- Chromium ${m.chromium} (Debian \`/usr/bin/chromium\`, headless, software WebGL2: ANGLE on SwiftShader; launch flags of e2e/harness.ts)`,
    `- Node ${m.node}; checkout ${m.git} (when assembled)`,
    '- A shared machine: each part records the load average during its own run.',
    '',
    '## Parts',
    '',
    ...parts.map((p) => `- \`bench/results/${p.f}\`: ${title(p.text)} (file written ${stamp(p.at)} UTC)`),
    '',
    ...parts.flatMap((p) => [`<!-- begin bench/results/${p.f} -->`, demote(p.text), `<!-- end bench/results/${p.f} -->`, '']),
  ];
  writeAtomic(RESULTS_MD, md.join('\n'));
  return RESULTS_MD;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`wrote ${assembleResults()}\n`);
}
