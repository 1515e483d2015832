import type { Scenario } from '../scenario/schema.ts';
import type { EntityRef } from '../scenario/derive/details.ts';

/** Human name of an entity, for buttons and headings. */
export function entityName(scenario: Scenario, ref: EntityRef): string {
  switch (ref.kind) {
    case 'actor':
      return scenario.actors.find((a) => a.id === ref.id)?.name ?? ref.id;
    case 'relation':
      return scenario.relations.find((r) => r.id === ref.id)?.label ?? ref.id;
    case 'movement':
      return scenario.movements.find((m) => m.id === ref.id)?.label ?? ref.id;
    case 'position':
      return scenario.positions.find((p) => p.id === ref.id)?.label ?? ref.id;
    case 'place':
      return scenario.places.find((p) => p.id === ref.id)?.name ?? ref.id;
    case 'overlay':
      return ref.id;
  }
}
