import { SCHEMA_VERSION } from './constants.ts';
import type { DataProblem } from './problems.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One step per version: each takes a file of version N and returns it as version N + 1. Steps only
 * add or reshape; they never drop what the author wrote.
 */
const STEPS: Record<number, (v: Json) => Json> = {
  // Version 2 added `frames` (named camera framings). A version 1 file gets one frame over
  // every place that has coordinates, which is what version 1 showed on opening.
  1: (v) => {
    const places = Array.isArray(v.places) ? v.places : [];
    const placeIds = places.filter((p) => isObject(p) && Array.isArray(p.lngLat) && typeof p.id === 'string').map((p) => (p as Json).id);
    return { ...v, schemaVersion: 2, frames: v.frames ?? [{ id: 'all', label: 'All', placeIds }] };
  },
};

export type MigrationResult = { ok: true; value: unknown; migratedFrom?: number } | { ok: false; problems: DataProblem[] };

/**
 * Brings a parsed scenario file up to the current schema version. Values without a numeric
 * `schemaVersion` pass through unchanged for the schema to report; versions newer than this
 * build are refused with a clear message. Never throws.
 */
export function migrate(value: unknown, file: string): MigrationResult {
  if (!isObject(value) || typeof value.schemaVersion !== 'number' || !Number.isInteger(value.schemaVersion)) return { ok: true, value };
  const from = value.schemaVersion;
  if (from > SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [{ file, path: '$.schemaVersion', message: `is ${from}, newer than this Sitmap reads (up to ${SCHEMA_VERSION}); update Sitmap to open it` }],
    };
  }
  if (from < 1) return { ok: true, value };
  let v: Json = value;
  for (let n = from; n < SCHEMA_VERSION; n++) v = STEPS[n]!(v);
  return from === SCHEMA_VERSION ? { ok: true, value: v } : { ok: true, value: v, migratedFrom: from };
}
