// Values of the scenario format that the app needs at run time. Kept apart from schema.ts so
// that importing them does not bring zod into the main bundle (validation runs in a worker).

/**
 * Current version of the scenario file format. Older files are migrated on load
 * (src/scenario/migrate.ts): version 1 had no `frames`.
 */
export const SCHEMA_VERSION = 2;

export const CLAIM_STATUSES = ['confirmed', 'reported', 'disputed', 'denied', 'corrected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const RELATION_TYPES = [
  'pressure',
  'alliance',
  'military-support',
  'troop-deployment',
  'armed-conflict',
  'confirmation',
  'denial',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
