// `npm run check-data [file ...]`: validates scenario files (default: every
// data/scenarios/*/scenario.json) and prints each problem with file, JSON path and message.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenarioText } from '../src/scenario/load.ts';
import { formatProblem } from '../src/scenario/problems.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const files = args.length
  ? args
  : readdirSync(join(root, 'data/scenarios'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(root, 'data/scenarios', d.name, 'scenario.json'))
      .filter((f) => existsSync(f));

if (files.length === 0) {
  console.error('check-data: no scenario files found under data/scenarios/');
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  const label = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${label}: $: cannot be read: ${(e as Error).message}`);
    failed++;
    continue;
  }
  const result = loadScenarioText(text, label);
  if (result.ok) {
    const s = result.scenario;
    console.log(
      `${label}: ok (${s.actors.length} actors, ${s.places.length} places, ${s.sources.length} sources, ` +
        `${s.claims.length} claims, ${s.relations.length} relations, ${s.movements.length} movements, ${s.positions.length} positions, ${s.briefings?.length ?? 0} briefings)`,
    );
  } else {
    failed++;
    for (const p of result.problems) console.error(formatProblem(p));
    console.error(`${label}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  }
}
process.exit(failed ? 1 : 0);
