/// <reference lib="webworker" />
// Validates scenario files off the main thread: a 20 MB file or a pathological one never
// freezes the map or the panels while it is checked.
import { loadScenarioText, type LoadResult } from './load.ts';

export type LoadRequest = { id: number; text: string; file: string };
export type LoadResponse = { id: number; result: LoadResult };

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  const { id, text, file } = e.data;
  let result: LoadResult;
  try {
    result = loadScenarioText(text, file);
  } catch (err) {
    // The loader never throws by design (and is fuzzed for it); this is a last line of defence.
    result = { ok: false, problems: [{ file, path: '$', message: `could not be checked: ${(err as Error).message}` }] };
  }
  (self as unknown as Worker).postMessage({ id, result } satisfies LoadResponse);
};
