import type { Claim, Scenario, Source } from '../scenario/schema.ts';
import type { RelationType } from '../scenario/constants.ts';
import { holdsOn } from '../scenario/derive/time.ts';
import { claimsFor, type EntityRef } from '../scenario/derive/details.ts';

/** What the view shows, as far as which claims stand behind it. */
export interface ViewOfClaims {
  date: string;
  layers: { relations: boolean; movements: boolean; positions: boolean };
  relationTypes: Record<RelationType, boolean>;
  selection: EntityRef | null;
}

/**
 * Ids of the claims behind what a view shows on its date: the claims (made by then) of the
 * relations, movements and positions drawn, and of the selection. Order: scenario order.
 */
export function claimsInView(scenario: Scenario, view: ViewOfClaims): string[] {
  const ids = new Set<string>();
  const add = (claimIds: readonly string[]) => claimIds.forEach((id) => ids.add(id));
  if (view.layers.relations)
    for (const r of scenario.relations) if (view.relationTypes[r.type] && holdsOn(view.date, r.start, r.end)) add(r.claimIds);
  if (view.layers.movements) for (const m of scenario.movements) if (m.start <= view.date) add(m.claimIds);
  if (view.layers.positions) for (const p of scenario.positions) if (holdsOn(view.date, p.start, p.end)) add(p.claimIds);
  if (view.selection && view.selection.kind !== 'overlay') add(claimsFor(scenario, view.selection).map((c) => c.id));
  return scenario.claims.filter((c) => ids.has(c.id) && c.date <= view.date).map((c) => c.id);
}

/** The sources of these claims, most-cited first (ties: newest first), each once. */
export function sourcesOf(scenario: Scenario, claimIds: readonly string[]): Source[] {
  const count = new Map<string, number>();
  const byId = new Map(scenario.claims.map((c) => [c.id, c]));
  for (const id of claimIds) for (const s of byId.get(id)?.sourceIds ?? []) count.set(s, (count.get(s) ?? 0) + 1);
  return scenario.sources
    .filter((s) => count.has(s.id))
    .sort((a, b) => count.get(b.id)! - count.get(a.id)! || b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** Publishers of the sources of these claims, each once, most-cited source first: a slide's footer. */
export function publishersOf(scenario: Scenario, claimIds: readonly string[]): string[] {
  return [...new Set(sourcesOf(scenario, claimIds).map((s) => s.publisher))];
}

/**
 * Fits as many labels as `fits` accepts into one line: "a; b; c" and, when some are left out,
 * the suffix `more(n)` ("and 4 more"). A label that alone is too long is cut with an ellipsis.
 */
export function fitList(labels: readonly string[], fits: (text: string) => boolean, more: (n: number) => string, sep = '; '): string {
  let line = '';
  for (let i = 0; i < labels.length; i++) {
    const rest = labels.length - i - 1;
    const candidate = line ? `${line}${sep}${labels[i]}` : labels[i]!;
    const withMore = rest ? `${candidate}${sep}${more(rest)}` : candidate;
    if (fits(withMore)) {
      line = candidate;
      continue;
    }
    if (!line) {
      // Not even the first label fits: cut it.
      let cut = labels[i]!;
      const tail = rest ? `…${sep}${more(rest)}` : '…';
      while (cut.length > 1 && !fits(cut + tail)) cut = cut.slice(0, -1);
      return cut.trimEnd() + tail;
    }
    return `${line}${sep}${more(labels.length - i)}`;
  }
  return line;
}

/** A claim with everything a printed citation needs, in the scenario's (resolved) language. */
export interface Citation {
  claim: Claim;
  sources: Source[];
}

/** The claims named by a step, in date order, with their sources; unknown ids are skipped. */
export function citationsFor(scenario: Scenario, claimIds: readonly string[]): Citation[] {
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  const wanted = new Set(claimIds);
  return scenario.claims
    .filter((c) => wanted.has(c.id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((claim) => ({ claim, sources: claim.sourceIds.flatMap((id) => (sources.has(id) ? [sources.get(id)!] : [])) }));
}

/**
 * A step's citations as a reference list: its claims in date order, each pointing at numbered
 * sources, and every source listed once (a source behind several claims is printed once).
 */
export function referenceList(scenario: Scenario, claimIds: readonly string[]): { claims: Array<{ claim: Claim; refs: number[] }>; sources: Source[] } {
  const sources: Source[] = [];
  const number = new Map<string, number>();
  const claims = citationsFor(scenario, claimIds).map(({ claim, sources: own }) => ({
    claim,
    refs: own.map((s) => {
      if (!number.has(s.id)) {
        sources.push(s);
        number.set(s.id, sources.length);
      }
      return number.get(s.id)!;
    }),
  }));
  return { claims, sources };
}
