import { ENTITY_KINDS, type EntityKind, type EntityRef } from '../scenario/derive/details.ts';

/** What the URL hash carries: the selection and the date (e.g. `#date=2024-10-28&actor=north-korea`). */
export type HashState = {
  selection: EntityRef | null;
  date?: string;
  /**
   * Briefing mode: the briefing presented and its step, 0-based here, 1-based in the URL
   * (`#briefing=kursk&step=3`). Undefined leaves those keys as they are; null removes them.
   */
  briefing?: { id: string; step: number } | null;
};

/** The briefing a link asks to present (`#briefing=kursk&step=3`: step 3 is index 2); step 0 if absent. */
export function parseBriefingHash(hash: string): { id: string; step: number; stepText: string | null } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('briefing');
  if (!id) return null;
  const stepText = params.get('step');
  const n = stepText === null ? 1 : /^\d{1,4}$/.test(stepText) ? Number(stepText) : NaN;
  return { id, step: n - 1, stepText };
}

/** Reads the hash; the first entity key wins. Unknown keys are ignored. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const date = params.get('date');
  const withDate = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {};
  for (const kind of ENTITY_KINDS) {
    const id = params.get(kind);
    if (id) return { selection: { kind, id }, ...withDate };
  }
  return { selection: null, ...withDate };
}

/** Writes state as a hash, keeping keys it does not own (so later features can add theirs). */
export function formatHash(state: HashState, previous = ''): string {
  const params = new URLSearchParams(previous.replace(/^#/, ''));
  for (const kind of ENTITY_KINDS as readonly EntityKind[]) params.delete(kind);
  params.delete('date');
  if (state.briefing !== undefined) {
    params.delete('briefing');
    params.delete('step');
    if (state.briefing) {
      params.set('briefing', state.briefing.id);
      params.set('step', String(state.briefing.step + 1));
    }
  }
  if (state.date) params.set('date', state.date);
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  const s = params.toString();
  return s ? `#${s}` : '';
}
