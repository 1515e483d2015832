/** Scenario files above this size are refused before parsing (the Kursk scenario is ~140 kB). */
export const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;
