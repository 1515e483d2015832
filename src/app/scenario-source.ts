import kurskText from '../../data/scenarios/kursk-2024/scenario.json?raw';
import type { LoadResult } from '../scenario/load.ts';
import { validateScenarioText } from '../scenario/validate.ts';

export const BUILT_IN = { file: 'data/scenarios/kursk-2024/scenario.json', text: kurskText };

/**
 * Loads the scenario named by `?scenario=<path>` (same origin only: the app never fetches from
 * another host), or the built-in Kursk scenario.
 */
export async function loadStartScenario(location: Location): Promise<LoadResult> {
  const param = new URLSearchParams(location.search).get('scenario');
  if (!param) return validateScenarioText(BUILT_IN.text, BUILT_IN.file);
  let url: URL;
  try {
    url = new URL(param, location.href);
  } catch {
    return { ok: false, problems: [{ file: param, path: '$', message: 'is not a valid address' }] };
  }
  if (url.origin !== location.origin) {
    return { ok: false, problems: [{ file: param, path: '$', message: 'must be served from this site; Sitmap never loads data from other hosts' }] };
  }
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) return { ok: false, problems: [{ file: param, path: '$', message: `could not be loaded (HTTP ${res.status})` }] };
    return validateScenarioText(await res.text(), param);
  } catch (e) {
    return { ok: false, problems: [{ file: param, path: '$', message: `could not be loaded: ${(e as Error).message}` }] };
  }
}
