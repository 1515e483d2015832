import { describe, expect, it } from 'vitest';
import { createSitmapStore } from './store.ts';
import { formatHash, parseHash } from './url.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';

describe('URL hash', () => {
  it('round-trips a selection', () => {
    const hash = formatHash({ selection: { kind: 'actor', id: 'north-korea' } });
    expect(hash).toBe('#actor=north-korea');
    expect(parseHash(hash)).toEqual({ selection: { kind: 'actor', id: 'north-korea' } });
  });

  it('keeps keys it does not own and clears the selection', () => {
    expect(formatHash({ selection: { kind: 'relation', id: 'deploys' } }, '#date=2024-10-28&actor=russia')).toBe('#date=2024-10-28&relation=deploys');
    expect(formatHash({ selection: null }, '#actor=russia')).toBe('');
  });

  it('ignores unknown keys and empty values', () => {
    expect(parseHash('#foo=bar&actor=')).toEqual({ selection: null });
  });
});

describe('store', () => {
  it('selects known entities and refuses unknown ones with a notice, keeping the selection', () => {
    const store = createSitmapStore(minimalScenario());
    const { select } = store.getState().actions;
    select({ kind: 'actor', id: 'north-korea' });
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'north-korea' });
    select({ kind: 'actor', id: 'atlantis' });
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'north-korea' });
    expect(store.getState().notice).toBe("This scenario has no actor 'atlantis'.");
  });

  it('starts from a link, or says the link names nothing here', () => {
    expect(createSitmapStore(minimalScenario(), { selection: { kind: 'position', id: 'kursk-region' } }).getState().selection).toEqual({
      kind: 'position',
      id: 'kursk-region',
    });
    const bad = createSitmapStore(minimalScenario(), { selection: { kind: 'movement', id: 'nope' } }).getState();
    expect(bad.selection).toBeNull();
    expect(bad.notice).toBe("This scenario has no movement 'nope'.");
  });

  it('toggles layers and relation types independently', () => {
    const store = createSitmapStore(minimalScenario());
    store.getState().actions.toggleLayer('movements');
    store.getState().actions.toggleRelationType('denial');
    expect(store.getState().layers.movements).toBe(false);
    expect(store.getState().layers.relations).toBe(true);
    expect(store.getState().relationTypes.denial).toBe(false);
    expect(store.getState().relationTypes.pressure).toBe(true);
  });

  it('numbers repeated frame requests so the same frame can be asked for twice', () => {
    const store = createSitmapStore(minimalScenario());
    store.getState().actions.frame('all');
    store.getState().actions.frame('all');
    expect(store.getState().frameRequest).toEqual({ frameId: 'all', seq: 2 });
  });
});
