// Only read by the single-file build: elsewhere the branch below is dead and Rolldown drops the
// text, so the normal bundle stays small and fetches the scenario as a file of its own (cached,
// and not counted against the app's JavaScript budget).
import kurskText from '../../data/scenarios/kursk-2024/scenario.json?raw';
import kurskUrl from '../../data/scenarios/kursk-2024/scenario.json?url';

export const BUILT_IN_FILE = 'data/scenarios/kursk-2024/scenario.json';

async function fetchText(): Promise<string> {
  const res = await fetch(kurskUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

// Started as soon as this module runs (with the app's first script), not when React has mounted
// and the loading effect runs: the file then arrives while React and MapLibre start up.
const early: Promise<string> | null =
  import.meta.env.MODE !== 'single' && typeof location !== 'undefined' && !new URLSearchParams(location.search).has('scenario') ? fetchText() : null;
early?.catch(() => {}); // a failure is reported when the app asks for the text

/** The text of the built-in Kursk scenario: inlined in the single file, fetched from our origin otherwise. */
export async function builtInScenarioText(): Promise<string> {
  if (import.meta.env.MODE === 'single') return kurskText;
  return early ?? fetchText();
}
