import type { LoadResult } from './load.ts';
import type { LoadRequest, LoadResponse } from './load.worker.ts';
import { MAX_SCENARIO_BYTES } from './limits.ts';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (r: LoadResult) => void>();

function startWorker(): Worker | null {
  try {
    const w = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module', name: 'sitmap-validate' });
    w.onmessage = (e: MessageEvent<LoadResponse>) => {
      pending.get(e.data.id)?.(e.data.result);
      pending.delete(e.data.id);
    };
    w.onerror = () => {
      // A worker that cannot start (e.g. the single-file build opened from file://) hands its
      // pending checks to the main thread, and later checks stay there.
      worker = null;
      const waiting = [...pending.entries()];
      pending.clear();
      for (const [, resolve] of waiting) resolve({ ok: false, problems: [] });
    };
    return w;
  } catch {
    return null;
  }
}

async function onMainThread(text: string, file: string): Promise<LoadResult> {
  const { loadScenarioText } = await import('./load.ts');
  return loadScenarioText(text, file);
}

/**
 * Checks scenario text in a Web Worker (falling back to the main thread where workers cannot
 * start). Resolves with the scenario or every problem found; never rejects.
 */
export async function validateScenarioText(text: string, file: string): Promise<LoadResult> {
  if (text.length > MAX_SCENARIO_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, problems: [{ file, path: '$', message: `is ${mb} MB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MB` }] };
  }
  if (worker === undefined) worker = startWorker();
  if (!worker) return onMainThread(text, file);
  const id = nextId++;
  const w = worker;
  const result = await new Promise<LoadResult>((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, text, file } satisfies LoadRequest);
  });
  // An empty failure is the worker giving up: check here instead.
  return !result.ok && result.problems.length === 0 ? onMainThread(text, file) : result;
}
