import type { Scenario } from './schema.ts';

/** The scenario as a file: loads again unchanged (tested as a round trip). */
export function serializeScenario(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}
