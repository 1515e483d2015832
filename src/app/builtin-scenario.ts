// Only read by the single-file build: elsewhere the branch below is dead and Rolldown drops the
// text, so the normal bundle stays small and fetches the scenario as a file of its own (cached,
// and not counted against the app's JavaScript budget).
import kurskText from '../../data/scenarios/kursk-2024/scenario.json?raw';
import kurskUrl from '../../data/scenarios/kursk-2024/scenario.json?url';

export const BUILT_IN_FILE = 'data/scenarios/kursk-2024/scenario.json';

/** The text of the built-in Kursk scenario: inlined in the single file, fetched from our origin otherwise. */
export async function builtInScenarioText(): Promise<string> {
  if (import.meta.env.MODE === 'single') return kurskText;
  const res = await fetch(kurskUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}
