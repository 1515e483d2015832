import type { Claim, ClaimStatus, Scenario } from '../schema.ts';
import { CLAIM_STATUSES } from '../constants.ts';

/** Kinds of things a user can select; `overlay` is a feature of a file the user opened. */
export const ENTITY_KINDS = ['actor', 'relation', 'movement', 'position', 'place', 'overlay'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type EntityRef = { kind: EntityKind; id: string };

/** Whether `ref` names something in the scenario (overlay features are not part of it). */
export function entityExists(scenario: Scenario, ref: EntityRef): boolean {
  if (ref.kind === 'overlay') return false;
  const list = { actor: scenario.actors, relation: scenario.relations, movement: scenario.movements, position: scenario.positions, place: scenario.places }[ref.kind];
  return list.some((e) => e.id === ref.id);
}

/** Ids of the claims that back an entity directly. */
function directClaimIds(scenario: Scenario, ref: EntityRef): string[] {
  switch (ref.kind) {
    case 'actor': {
      const ids = [
        ...scenario.relations.filter((r) => r.from === ref.id || r.to === ref.id).flatMap((r) => r.claimIds),
        ...scenario.movements.filter((m) => m.actorId === ref.id).flatMap((m) => m.claimIds),
        ...scenario.positions.filter((p) => p.actorId === ref.id).flatMap((p) => p.claimIds),
        ...scenario.claims.filter((c) => c.claimant.actorId === ref.id).map((c) => c.id),
      ];
      return ids;
    }
    case 'relation':
      return scenario.relations.find((r) => r.id === ref.id)?.claimIds ?? [];
    case 'movement':
      return scenario.movements.find((m) => m.id === ref.id)?.claimIds ?? [];
    case 'position':
      return scenario.positions.find((p) => p.id === ref.id)?.claimIds ?? [];
    case 'overlay':
      return [];
    case 'place':
      return [
        ...scenario.movements.filter((m) => m.path.includes(ref.id)).flatMap((m) => m.claimIds),
        ...scenario.positions
          .filter((p) => (p.location.kind === 'place' ? p.location.placeId === ref.id : p.location.placeIds.includes(ref.id)))
          .flatMap((p) => p.claimIds),
      ];
  }
}

/**
 * Claims about an entity, in date order: those that back it, plus the seed article's versions of
 * them (article claims corrected by one of these), so a panel can show the article beside the record.
 */
export function claimsFor(scenario: Scenario, ref: EntityRef): Claim[] {
  const ids = new Set(directClaimIds(scenario, ref));
  for (const c of scenario.claims) {
    if (c.origin === 'article' && c.correctedBy?.some((id) => ids.has(id))) ids.add(c.id);
  }
  return scenario.claims.filter((c) => ids.has(c.id)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Claims grouped by status in a fixed reading order; empty groups are left out. */
export function groupByStatus(claims: readonly Claim[]): Array<{ status: ClaimStatus; claims: Claim[] }> {
  return CLAIM_STATUSES.map((status) => ({ status, claims: claims.filter((c) => c.status === status) })).filter(
    (g) => g.claims.length > 0,
  );
}
