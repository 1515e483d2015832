import type { Claim, Figure, Movement, Position, Scenario } from '../schema.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) at the start of an ISO date. Time in Sitmap is a float of days. */
export function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** The ISO date of the day a time falls in. */
export function isoOf(day: number): string {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

/** Whether something dated from `start` (to `end`, inclusive, if any) holds on `date`. */
export function holdsOn(date: string, start: string, end?: string): boolean {
  return start <= date && (end === undefined || date <= end);
}

/** Claims made on or before `date` (ISO dates compare as strings). */
export function claimsAsOf<T extends Pick<Claim, 'date'>>(claims: readonly T[], date: string): T[] {
  return claims.filter((c) => c.date <= date);
}

/** Ids of relations and positions that hold on `date`, and of movements that have begun. */
export function visibleIds(scenario: Scenario, date: string) {
  return {
    relations: scenario.relations.filter((r) => holdsOn(date, r.start, r.end)).map((r) => r.id),
    positions: scenario.positions.filter((p) => holdsOn(date, p.start, p.end)).map((p) => p.id),
    movements: scenario.movements.filter((m) => m.start <= date).map((m) => m.id),
  };
}

/**
 * How far along its route a movement leg is at time `t` (days): 0 at the start of its first day,
 * 1 at the end of its last day; null before it begins. Linear in time, for lack of anything better
 * in the sources.
 */
export function movementProgress(m: Pick<Movement, 'start' | 'end'>, t: number): number | null {
  const t0 = dayOf(m.start);
  const t1 = dayOf(m.end) + 1;
  if (t < t0) return null;
  return Math.min(1, (t - t0) / (t1 - t0));
}

export type Estimate = { claim: Claim; figure: Figure & { measure: NonNullable<Figure['measure']> } };

function troopEstimates(claims: readonly Claim[]): Estimate[] {
  return claims.flatMap((c) =>
    c.figure && c.figure.measure && c.figure.kind === 'report'
      ? [{ claim: c, figure: c.figure as Estimate['figure'] }]
      : [],
  );
}

/**
 * The troop number a position carries on `date`: the latest reported estimate among its claims
 * made by then (forecasts are not positions). Returns null when none had been made.
 */
export function estimateAt(scenario: Scenario, position: Position, date: string): Estimate | null {
  const byId = new Map(scenario.claims.map((c) => [c.id, c]));
  const claims = position.claimIds.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));
  const made = troopEstimates(claimsAsOf(claims, date)).filter((e) => e.claim.origin === 'record');
  made.sort((a, b) => a.claim.date.localeCompare(b.claim.date) || a.claim.id.localeCompare(b.claim.id));
  return made.at(-1) ?? null;
}

/**
 * The claim that supersedes `claim` as of `date`: a later estimate of the same quantity by the
 * same estimator, made on or before `date`. An earlier figure is then shown as superseded, not
 * silently replaced. Different estimators compete rather than supersede each other.
 */
export function supersededBy(scenario: Scenario, claim: Claim, date: string): Claim | null {
  const f = claim.figure;
  if (!f?.estimator || !f.measure || f.kind !== 'report') return null;
  const later = scenario.claims
    .filter(
      (c) =>
        c.id !== claim.id &&
        c.origin === claim.origin &&
        c.figure?.kind === 'report' &&
        c.figure.estimator === f.estimator &&
        c.figure.measure === f.measure &&
        c.date > claim.date &&
        c.date <= date,
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  return later[0] ?? null;
}

export type SeriesPoint = { date: string; value: number; kind: Figure['kind']; qualifier: Figure['qualifier']; claimId: string };
export type Series = { estimator: string; measure: NonNullable<Figure['measure']>; points: SeriesPoint[] };

/**
 * Troop numbers over time, one series per estimator and measure, from the given claims (reports
 * and forecasts alike; a chart draws forecasts differently). Claims of the seed article are left
 * out: they are not anyone's estimate.
 */
export function estimateSeries(claims: readonly Claim[]): Series[] {
  const out = new Map<string, Series>();
  for (const c of claims) {
    const f = c.figure;
    // `measure` marks troop numbers (`unit` is display text, localised: "troops", "Soldaten").
    if (!f || !f.measure || !f.estimator || c.origin !== 'record') continue;
    const key = `${f.measure}|${f.estimator}`;
    const s = out.get(key) ?? { estimator: f.estimator, measure: f.measure, points: [] };
    s.points.push({ date: c.date, value: f.value, kind: f.kind, qualifier: f.qualifier, claimId: c.id });
    out.set(key, s);
  }
  for (const s of out.values()) s.points.sort((a, b) => a.date.localeCompare(b.date) || a.claimId.localeCompare(b.claimId));
  return [...out.values()].sort((a, b) => a.measure.localeCompare(b.measure) || a.estimator.localeCompare(b.estimator));
}

/** Words around a timeline event's label, in the UI's language (English by default). */
export type EventText = (kind: 'begins' | 'position', label: string) => string;
const ENGLISH_EVENT_TEXT: EventText = (kind, label) => (kind === 'begins' ? `Movement begins: ${label}` : `Position: ${label}`);

/** A day of the timeline with what happened on it (a tick). */
export type TimelineEvent = { date: string; labels: string[] };

/** Dated events for timeline ticks: one entry per date, with what happened or was said. */
export function timelineEvents(scenario: Scenario, text: EventText = ENGLISH_EVENT_TEXT): TimelineEvent[] {
  const byDate = new Map<string, string[]>();
  const add = (date: string, label: string) => byDate.set(date, [...(byDate.get(date) ?? []), label]);
  const actor = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  for (const r of scenario.relations) add(r.start, `${actor(r.from)} → ${actor(r.to)}: ${r.label}`);
  for (const m of scenario.movements) add(m.start, text('begins', m.label));
  for (const p of scenario.positions) add(p.start, text('position', p.label));
  for (const c of scenario.claims) if (c.origin === 'record' && c.figure) add(c.date, `${c.claimant.person ?? c.claimant.office}: ${c.statement}`);
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, labels]) => ({ date, labels }));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const changeDaysCache = new WeakMap<Scenario, Float64Array>();

/**
 * The days on which anything date-dependent in a scenario can change, sorted: every ISO date
 * found anywhere in it (a relation's start, a claim's date, a figure's "as of"...), and the day
 * after each (for comparisons that include the date itself, like an inclusive end). Everything
 * Sitmap derives from a date compares it with such dates only, so it is the same on every day
 * from one change day up to the next: see `settledDay`.
 */
export function changeDays(scenario: Scenario): Float64Array {
  const cached = changeDaysCache.get(scenario);
  if (cached) return cached;
  const days = new Set<number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (ISO_DATE.test(v)) {
        const d = dayOf(v);
        if (Number.isFinite(d)) days.add(d).add(d + 1);
      }
    } else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(scenario);
  const sorted = Float64Array.from(days).sort();
  changeDaysCache.set(scenario, sorted);
  return sorted;
}

/**
 * The last change day on or before time `t` (days), or the day `t` falls in when none precedes
 * it. Derived state (map filters, troop numbers, lists, claims shown) depends on the date only
 * through this value, so during playback it is recomputed when something changes, not every day.
 */
export function settledDay(scenario: Scenario, t: number): number {
  const days = changeDays(scenario);
  const day = Math.floor(t);
  const n = countAtOrBefore(days, day);
  return n > 0 ? days[n - 1]! : day;
}

/** How many values of the ascending array `sorted` are ≤ `x` (binary search). */
export function countAtOrBefore(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length; // first index with sorted[i] > x
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
