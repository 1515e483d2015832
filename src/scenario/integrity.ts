import type { ScenarioFile } from './schema.ts';
import { formatPath, nearestId, type DataProblem } from './problems.ts';

type Path = ReadonlyArray<string | number>;

/**
 * Cross-reference and chronology checks that a schema cannot express: unique ids, every
 * reference resolves, corrections point at the record, dates in order and within the span,
 * drawable things have coordinates. Returns every problem found, in file order.
 */
export function checkIntegrity(scenario: ScenarioFile, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const report = (path: Path, message: string) => problems.push({ file, path: formatPath(path), message });

  const index = <T extends { id: string }>(list: readonly T[], key: string): Map<string, T> => {
    const byId = new Map<string, T>();
    list.forEach((item, i) => {
      const first = byId.get(item.id);
      if (first) report([key, i, 'id'], `duplicate id '${item.id}' (already used at ${formatPath([key, list.indexOf(first), 'id'])})`);
      else byId.set(item.id, item);
    });
    return byId;
  };
  const sources = index(scenario.sources, 'sources');
  const actors = index(scenario.actors, 'actors');
  const places = index(scenario.places, 'places');
  const claims = index(scenario.claims, 'claims');
  const relations = index(scenario.relations, 'relations');
  const movements = index(scenario.movements, 'movements');
  const positions = index(scenario.positions, 'positions');
  index(scenario.frames, 'frames');

  const resolve = (kind: string, known: Map<string, unknown>, id: string, path: Path): boolean => {
    if (known.has(id)) return true;
    const hint = nearestId(id, known.keys());
    report(path, `unknown ${kind} '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
    return false;
  };
  const drawable = (id: string, path: Path) => {
    if (!resolve('place', places, id, path)) return;
    if (places.get(id)?.lngLat === null) report(path, `place '${id}' has no coordinates, so it cannot be drawn`);
  };
  const { start: spanStart, end: spanEnd } = scenario.span;
  const dated = (start: string, end: string | undefined, path: Path) => {
    if (end !== undefined && end < start) report([...path, 'end'], `end ${end} is before start ${start}`);
    if (start < spanStart || start > spanEnd) {
      report([...path, 'start'], `start ${start} is outside the scenario span ${spanStart} to ${spanEnd}`);
    }
  };

  if (spanEnd < spanStart) report(['span', 'end'], `end ${spanEnd} is before start ${spanStart}`);
  if (scenario.seedSourceId !== undefined) resolve('source', sources, scenario.seedSourceId, ['seedSourceId']);

  scenario.frames.forEach((f, i) => f.placeIds.forEach((id, j) => drawable(id, ['frames', i, 'placeIds', j])));

  scenario.places.forEach((p, i) => {
    if (p.coordSource.kind === 'geonames' && p.lngLat === null) {
      report(['places', i, 'lngLat'], `GeoNames place '${p.id}' has no coordinates yet: run \`npm run gazetteer\``);
    }
    if (p.coordSource.kind === 'none' && p.lngLat !== null) {
      report(['places', i, 'coordSource'], `place '${p.id}' has coordinates but says they come from nowhere`);
    }
  });

  scenario.actors.forEach((a, i) => drawable(a.capitalPlaceId, ['actors', i, 'capitalPlaceId']));

  scenario.claims.forEach((c, i) => {
    c.sourceIds.forEach((id, j) => resolve('source', sources, id, ['claims', i, 'sourceIds', j]));
    if (c.claimant.actorId !== undefined) resolve('actor', actors, c.claimant.actorId, ['claims', i, 'claimant', 'actorId']);
    c.correctedBy?.forEach((id, j) => {
      const path = ['claims', i, 'correctedBy', j];
      if (!resolve('claim', claims, id, path)) return;
      if (claims.get(id)?.origin !== 'record') report(path, `claim '${id}' is not a claim of the record (origin must be "record")`);
    });
    if (c.status === 'corrected') {
      if (!c.correctedBy?.length) report(['claims', i, 'correctedBy'], 'a corrected claim must list the record claims that correct it');
      if (c.correction === undefined) report(['claims', i, 'correction'], 'a corrected claim must say what was wrong');
    }
  });

  const claimRefs = (ids: readonly string[], path: Path) =>
    ids.forEach((id, j) => resolve('claim', claims, id, [...path, 'claimIds', j]));

  scenario.relations.forEach((r, i) => {
    resolve('actor', actors, r.from, ['relations', i, 'from']);
    resolve('actor', actors, r.to, ['relations', i, 'to']);
    if (r.from === r.to) report(['relations', i, 'to'], `a relation must join two different actors (both are '${r.from}')`);
    dated(r.start, r.end, ['relations', i]);
    claimRefs(r.claimIds, ['relations', i]);
  });

  scenario.movements.forEach((m, i) => {
    resolve('actor', actors, m.actorId, ['movements', i, 'actorId']);
    m.path.forEach((id, j) => drawable(id, ['movements', i, 'path', j]));
    dated(m.start, m.end, ['movements', i]);
    claimRefs(m.claimIds, ['movements', i]);
  });

  scenario.positions.forEach((p, i) => {
    resolve('actor', actors, p.actorId, ['positions', i, 'actorId']);
    if (p.location.kind === 'place') drawable(p.location.placeId, ['positions', i, 'location', 'placeId']);
    else p.location.placeIds.forEach((id, j) => drawable(id, ['positions', i, 'location', 'placeIds', j]));
    dated(p.start, p.end, ['positions', i]);
    claimRefs(p.claimIds, ['positions', i]);
  });

  // Briefings: each step is absolute, so everything it names must exist and be on the map on its
  // date, and the claims it cites must have been made by then.
  const entities: Record<string, Map<string, unknown>> = { actor: actors, relation: relations, movement: movements, position: positions, place: places };
  // Dated things are on the map from their start (relations and positions until their end too).
  const spans: Record<string, Map<string, { start: string; end?: string | undefined }>> = { relation: relations, movement: movements, position: positions };
  const entity = (ref: { kind: string; id: string }, date: string, path: Path) => {
    const known = entities[ref.kind];
    if (!known) {
      report([...path, 'kind'], `a briefing cannot name ${ref.kind} features: they come from files the user opens, not from the scenario`);
      return;
    }
    if (!resolve(ref.kind, known, ref.id, [...path, 'id'])) return;
    const span = spans[ref.kind]?.get(ref.id);
    if (!span) return;
    const end = ref.kind === 'movement' ? undefined : span.end;
    if (date < span.start || (end !== undefined && date > end)) {
      const when = end === undefined ? `from ${span.start}` : `from ${span.start} to ${end}`;
      report([...path, 'id'], `${ref.kind} '${ref.id}' is not on the map on the step's date ${date} (it is shown ${when})`);
    }
  };
  const briefingIds = new Map<string, number>();
  (scenario.briefings ?? []).forEach((b, i) => {
    const first = briefingIds.get(b.id);
    if (first !== undefined) report(['briefings', i, 'id'], `duplicate briefing id '${b.id}' (already used at ${formatPath(['briefings', first, 'id'])})`);
    else briefingIds.set(b.id, i);
    const stepIds = new Map<string, number>();
    b.steps.forEach((step, j) => {
      const path: Path = ['briefings', i, 'steps', j];
      const firstStep = stepIds.get(step.id);
      if (firstStep !== undefined) report([...path, 'id'], `duplicate step id '${step.id}' (already used at ${formatPath(['briefings', i, 'steps', firstStep, 'id'])})`);
      else stepIds.set(step.id, j);
      if (step.date < spanStart || step.date > spanEnd) {
        report([...path, 'date'], `date ${step.date} is outside the scenario span ${spanStart} to ${spanEnd}`);
      }
      if (step.selection) entity(step.selection, step.date, [...path, 'selection']);
      step.highlight?.forEach((ref, k) => entity(ref, step.date, [...path, 'highlight', k]));
      step.claimIds?.forEach((id, k) => {
        if (!resolve('claim', claims, id, [...path, 'claimIds', k])) return;
        const said = claims.get(id)!.date;
        if (said > step.date) report([...path, 'claimIds', k], `claim '${id}' was made on ${said}, after the step's date ${step.date}`);
      });
    });
  });

  return problems;
}
