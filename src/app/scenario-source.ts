import type { LoadResult } from '../scenario/load.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { validateScenarioText } from '../scenario/validate.ts';
import { BUILT_IN_FILE, builtInScenarioText } from './builtin-scenario.ts';


/**
 * Loads the scenario named by `?scenario=<path>` (same origin only: the app never fetches from
 * another host), or the built-in Kursk scenario.
 */
export async function loadStartScenario(location: Location): Promise<LoadResult> {
  const param = new URLSearchParams(location.search).get('scenario');
  if (!param) {
    // The built-in scenario is checked when the app is built (`npm run build` runs check-data
    // first and stops on any problem), so the validator (zod, in a worker) is not loaded at start.
    try {
      return { ok: true, scenario: JSON.parse(await builtInScenarioText()) as ScenarioFile };
    } catch (e) {
      return { ok: false, problems: [{ file: BUILT_IN_FILE, path: '$', message: `could not be loaded: ${(e as Error).message}` }] };
    }
  }
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
