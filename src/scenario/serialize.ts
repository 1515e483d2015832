import type { ScenarioFile } from './schema.ts';

/** The scenario file as JSON, localised texts in every language: loads again unchanged (tested as a round trip). */
export function serializeScenario(scenario: ScenarioFile): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}
