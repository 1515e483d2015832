import type { Scenario } from '../schema.ts';
import { greatCircleArc, type LngLat } from './arcs.ts';

/**
 * An actor a briefing step is about, for pointing to it when the map cannot show it: where it is
 * drawn (its capital) and, for each relation of the step it is an end of, the relation's arc as
 * drawn, run from the other end to this actor (so the line can be followed off the map to it).
 */
export interface StepTarget {
  id: string;
  name: string;
  color: string;
  at: LngLat;
  /** The arcs that lead to it, the step's selection first; each from the other end to `at`. */
  arcs: LngLat[][];
  /** Named by the step itself (selected or highlighted), not only as the end of a relation. */
  direct: boolean;
}

/**
 * The actors a step names (selected or highlighted) and the ends of the relations it names, in the
 * order the step names them. Unknown ids and actors whose capital has no coordinates are left out
 * (integrity checks report them).
 */
export function stepTargets(scenario: Scenario, refs: ReadonlyArray<{ kind: string; id: string }>): StepTarget[] {
  const places = new Map(scenario.places.map((p) => [p.id, p.lngLat]));
  const actors = new Map(scenario.actors.map((a) => [a.id, a]));
  const capital = (id: string) => {
    const a = actors.get(id);
    return a ? (places.get(a.capitalPlaceId) ?? null) : null;
  };
  const out = new Map<string, StepTarget>();
  const target = (id: string): StepTarget | null => {
    const a = actors.get(id);
    const at = capital(id);
    if (!a || !at) return null;
    let t = out.get(id);
    if (!t) out.set(id, (t = { id, name: a.name, color: a.color, at, arcs: [], direct: false }));
    return t;
  };
  for (const ref of refs) {
    if (ref.kind === 'actor') {
      const t = target(ref.id);
      if (t) t.direct = true;
    } else if (ref.kind === 'relation') {
      const r = scenario.relations.find((x) => x.id === ref.id);
      if (!r) continue;
      const from = capital(r.from);
      const to = capital(r.to);
      if (!from || !to) continue;
      // The arc as drawn (relationFeatures), and the same points the other way for the other end.
      const arc = greatCircleArc(from, to);
      target(r.to)?.arcs.push(arc);
      target(r.from)?.arcs.push([...arc].reverse());
    }
  }
  return [...out.values()];
}

/** Where each actor's marker is drawn (its capital), for those whose capital has coordinates. */
export function actorCapitals(scenario: Scenario): LngLat[] {
  const places = new Map(scenario.places.map((p) => [p.id, p.lngLat]));
  return scenario.actors.map((a) => places.get(a.capitalPlaceId)).filter((p): p is LngLat => !!p);
}
