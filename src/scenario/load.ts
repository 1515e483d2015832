import { ScenarioSchema, type ScenarioFile } from './schema.ts';
import { checkIntegrity } from './integrity.ts';
import { formatPath, type DataProblem } from './problems.ts';
import { migrate } from './migrate.ts';

import { MAX_SCENARIO_BYTES } from './limits.ts';

export { MAX_SCENARIO_BYTES };

export type LoadResult =
  | { ok: true; scenario: ScenarioFile }
  | { ok: false; problems: DataProblem[] };

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Parses JSON text, turning a syntax error into a located problem. */
function parseJson(text: string, file: string): { ok: true; value: unknown } | { ok: false; problems: DataProblem[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : '';
    return { ok: false, problems: [{ file, path: '$', message: `is not valid JSON${where}: ${message}` }] };
  }
}

/**
 * Turns the text of a scenario file into a checked scenario, or the full list of what is wrong
 * with it (schema first; integrity only once the shape is right). Never throws.
 */
export function loadScenarioText(text: string, file: string): LoadResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, problems: [{ file, path: '$', message: `is ${mb} MB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MB` }] };
  }
  const json = parseJson(text, file);
  if (!json.ok) return json;
  return loadScenarioValue(json.value, file);
}

/** Validates an already-parsed value as a scenario, migrating older versions first. Never throws. */
export function loadScenarioValue(value: unknown, file: string): LoadResult {
  const migrated = migrate(value, file);
  if (!migrated.ok) return migrated;
  const parsed = ScenarioSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      file,
      path: formatPath(issue.path as PropertyKey[]),
      message: issue.message,
    }));
    return { ok: false, problems };
  }
  const problems = checkIntegrity(parsed.data, file);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}
