import { ENTITY_KINDS, type EntityKind, type EntityRef } from '../scenario/derive/details.ts';

/** What the URL hash carries: the selection (e.g. `#actor=north-korea`). */
export type HashState = { selection: EntityRef | null };

/** Reads the hash; the first entity key wins. Unknown keys are ignored. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const kind of ENTITY_KINDS) {
    const id = params.get(kind);
    if (id) return { selection: { kind, id } };
  }
  return { selection: null };
}

/** Writes state as a hash, keeping keys it does not own (so later features can add theirs). */
export function formatHash(state: HashState, previous = ''): string {
  const params = new URLSearchParams(previous.replace(/^#/, ''));
  for (const kind of ENTITY_KINDS as readonly EntityKind[]) params.delete(kind);
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  const s = params.toString();
  return s ? `#${s}` : '';
}
