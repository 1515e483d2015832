import fc from 'fast-check';
import { loadScenarioText, loadScenarioValue, MAX_SCENARIO_BYTES, type LoadResult } from './load.ts';
import type { ScenarioFile } from './schema.ts';

/** How long one load may take before the fuzzer calls it a hang (ms); huge inputs included. */
export const LOAD_BOUND_MS = 3_000;

type Json = unknown;

/** Values that break naive loaders: wrong types, NaN and infinities, huge numbers, odd strings. */
const nasty = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53 + 1, -0, '', ' ', '\u0000', '__proto__', 'constructor'),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://', 'https://example.org/a', '9999-99-99', '2024-02-30'),
  fc.constantFrom([200, 95], [-181, 0], [0], [1, 2, 3], ['1', '2'], [NaN, NaN]),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);

/** Every [path, container] of a JSON value, for picking where to mutate. */
function paths(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** Mutates `root` in place at `path`, if the path still exists (earlier mutations may have moved it). */
function mutateAt(root: Json, path: Array<string | number>, fn: (parent: Record<string | number, Json>, key: string | number) => void): void {
  let node = root as Record<string | number, Json> | null;
  for (const k of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return;
    node = node[k] as Record<string | number, Json> | null;
  }
  if (node && typeof node === 'object') fn(node, path.at(-1)!);
}

/**
 * Mutations of a valid scenario: replace a value with a nasty one, delete a field, duplicate a
 * list entry (duplicate ids), point a reference nowhere (dangling ids), nest deeply, or blow up a
 * string to megabytes. Applied one to four times.
 */
export function mutatedScenario(valid: ScenarioFile): fc.Arbitrary<Json> {
  const base = JSON.parse(JSON.stringify(valid)) as Json;
  const all = paths(base).filter((p) => p.length > 0);
  const mutation = fc.oneof(
    fc.tuple(fc.constant('replace' as const), fc.constantFrom(...all), nasty),
    fc.tuple(fc.constant('delete' as const), fc.constantFrom(...all), fc.constant(null)),
    fc.tuple(fc.constant('duplicate' as const), fc.constantFrom(...all.filter((p) => typeof p.at(-1) === 'number')), fc.constant(null)),
    fc.tuple(fc.constant('dangle' as const), fc.constantFrom(...all.filter((p) => /Id$|Ids$|^from$|^to$/.test(String(p.at(-2) ?? p.at(-1))))), fc.string({ maxLength: 12 })),
    fc.tuple(fc.constant('nest' as const), fc.constantFrom(...all), fc.integer({ min: 10, max: 5_000 })),
    fc.tuple(fc.constant('huge' as const), fc.constantFrom(...all), fc.integer({ min: 1, max: 4 })),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
    // One copy per input (the base is shared); mutations then work in place, because a deeply
    // nested value cannot be cloned again without overflowing the stack.
    const v: Json = structuredClone(base);
    for (const [kind, path, arg] of ms) {
      mutateAt(v, path, (parent, key) => {
        if (!(key in parent)) return;
        switch (kind) {
          case 'replace':
            parent[key] = arg;
            break;
          case 'delete':
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete parent[key];
            break;
          case 'duplicate':
            if (Array.isArray(parent)) parent.splice(Number(key), 0, parent[key]);
            break;
          case 'dangle':
            parent[key] = typeof parent[key] === 'string' ? String(arg) : [String(arg)];
            break;
          case 'nest': {
            let deep: Json = parent[key];
            for (let i = 0; i < Number(arg); i++) deep = [deep];
            parent[key] = deep;
            break;
          }
          case 'huge':
            parent[key] = 'x'.repeat(Number(arg) * 1024 * 1024);
            break;
        }
      });
    }
    return v;
  });
}

/** Checks one load result: a typed value, never an exception, errors with a path. */
export function assertWellFormed(result: LoadResult): void {
  if (result.ok) {
    if (typeof result.scenario !== 'object') throw new Error('ok result without a scenario');
    return;
  }
  if (!Array.isArray(result.problems) || result.problems.length === 0) throw new Error('failed result without problems');
  for (const p of result.problems) {
    if (typeof p.file !== 'string' || typeof p.message !== 'string' || !p.message) throw new Error(`malformed problem ${JSON.stringify(p)}`);
    if (typeof p.path !== 'string' || !p.path.startsWith('$')) throw new Error(`problem without a JSON path: ${JSON.stringify(p)}`);
  }
}

function timed<T>(fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (ms > LOAD_BOUND_MS) throw new Error(`load took ${ms.toFixed(0)} ms, over the ${LOAD_BOUND_MS} ms bound`);
  return out;
}

/** The fuzz properties, over `numRuns` inputs each; throws with a counterexample on failure. */
export function runFuzz(valid: ScenarioFile, numRuns: number, seed: number): void {
  const params = { numRuns, seed, endOnFailure: true };
  // 1. Arbitrary values, and mutations of a valid scenario, as parsed values.
  fc.assert(fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true }), (v) => assertWellFormed(timed(() => loadScenarioValue(v, 'fuzz')))), params);
  fc.assert(fc.property(mutatedScenario(valid), (v) => assertWellFormed(timed(() => loadScenarioValue(v, 'fuzz')))), params);
  // 2. The same as text, plus arbitrary text and truncated files.
  const text = JSON.stringify(valid);
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 0, max: text.length }).map((n) => text.slice(0, n)),
        mutatedScenario(valid).map((v) => {
          try {
            return JSON.stringify(v) ?? 'undefined';
          } catch {
            // Too deep for JSON.stringify: deep nesting as text instead.
            return '{"schemaVersion":2,"actors":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
          }
        }),
      ),
      (t) => assertWellFormed(timed(() => loadScenarioText(t, 'fuzz.json'))),
    ),
    { ...params, numRuns: Math.max(1, Math.floor(numRuns / 2)) },
  );
}

/** A text of `bytes` characters shaped like a scenario file, for the size limit. */
export function hugeScenarioText(bytes: number): string {
  const filler = 'x'.repeat(Math.max(0, bytes - 40));
  return `{"schemaVersion":2,"title":"${filler}"}`;
}

export { MAX_SCENARIO_BYTES };
