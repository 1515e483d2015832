/** Shared by the fixture generators (generate-scale.ts, generate-scenario.ts): seeded numbers and UTC days. */
export const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded PRNG, good enough for spreading test data (the same fixtures every run). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ISO date (YYYY-MM-DD) of a day number (days since 1970-01-01, UTC). */
export const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Day number of an ISO date. */
export const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
export const pad = (n: number, w: number) => String(n).padStart(w, '0');
