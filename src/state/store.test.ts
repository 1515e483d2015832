import { describe, expect, it } from 'vitest';
import { createSitmapStore } from './store.ts';
import { formatHash, parseHash } from './url.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import { dayOf, isoOf } from '../scenario/derive/time.ts';

describe('URL hash', () => {
  it('round-trips a selection', () => {
    const hash = formatHash({ selection: { kind: 'actor', id: 'north-korea' } });
    expect(hash).toBe('#actor=north-korea');
    expect(parseHash(hash)).toEqual({ selection: { kind: 'actor', id: 'north-korea' } });
  });

  it('keeps keys it does not own, writes the date and clears the selection', () => {
    expect(formatHash({ selection: { kind: 'relation', id: 'deploys' } }, '#briefing=kursk&actor=russia')).toBe('#briefing=kursk&relation=deploys');
    expect(formatHash({ selection: { kind: 'actor', id: 'russia' }, date: '2024-10-28' }, '#actor=china')).toBe('#date=2024-10-28&actor=russia');
    expect(parseHash('#date=2024-10-28&actor=russia')).toEqual({ selection: { kind: 'actor', id: 'russia' }, date: '2024-10-28' });
    expect(parseHash('#date=tomorrow')).toEqual({ selection: null });
    expect(formatHash({ selection: null }, '#actor=russia')).toBe('');
  });

  it('ignores unknown keys and empty values', () => {
    expect(parseHash('#foo=bar&actor=')).toEqual({ selection: null });
  });
});

describe('store time', () => {
  it('starts at the end of the span, or at the date of a link; refuses dates outside the span', () => {
    expect(isoOf(createSitmapStore(minimalScenario()).getState().time)).toBe('2024-12-31');
    expect(isoOf(createSitmapStore(minimalScenario(), { date: '2024-10-20' }).getState().time)).toBe('2024-10-20');
    const out = createSitmapStore(minimalScenario(), { date: '2023-01-01' }).getState();
    expect(isoOf(out.time)).toBe('2024-12-31');
    expect(out.notice).toBe("The link's date 2023-01-01 is outside this scenario (2024-10-01 to 2024-12-31).");
  });

  it('scrubs within the span only', () => {
    const store = createSitmapStore(minimalScenario());
    store.getState().actions.scrubTo(dayOf('2024-01-01'));
    expect(isoOf(store.getState().time)).toBe('2024-10-01');
    store.getState().actions.scrubTo(dayOf('2024-11-05') + 0.5);
    expect(store.getState().time).toBe(dayOf('2024-11-05') + 0.5);
  });

  it('plays at its speed, from the start when at the end, and stops at the end', () => {
    const store = createSitmapStore(minimalScenario());
    const a = store.getState().actions;
    a.play();
    expect(isoOf(store.getState().time)).toBe('2024-10-01');
    a.setSpeed(7);
    a.advance(2);
    expect(isoOf(store.getState().time)).toBe('2024-10-15');
    a.advance(1000);
    expect(store.getState()).toMatchObject({ time: dayOf('2024-12-31'), playing: false });
  });

  it('never plays backwards: a frame stamped before playback started advances nothing', () => {
    const store = createSitmapStore(minimalScenario(), { date: '2024-11-05' });
    const a = store.getState().actions;
    a.setSpeed(30);
    a.play();
    a.advance(-0.008); // the first frame's timestamp, 8 ms before play was pressed
    expect(isoOf(store.getState().time)).toBe('2024-11-05');
    expect(store.getState().clock.time).toBe(dayOf('2024-11-05'));
    a.advance(0.1);
    expect(isoOf(store.getState().time)).toBe('2024-11-08');
  });

  it('moves the clock every frame of playback and the store only when the day changes', () => {
    const store = createSitmapStore(minimalScenario(), { date: '2024-10-01' });
    const a = store.getState().actions;
    const { clock } = store.getState();
    const seen: number[] = [];
    clock.subscribe((t) => seen.push(t));
    let updates = 0;
    store.subscribe(() => updates++);
    a.play();
    a.setSpeed(1); // a day per second
    updates = 0;
    for (let i = 0; i < 20; i++) a.advance(0.1); // 2 s in frames of 0.1 s
    expect(clock.time).toBeCloseTo(dayOf('2024-10-03'), 6);
    expect(seen).toHaveLength(20); // the units layer's time: every frame
    expect(updates).toBeLessThanOrEqual(2); // React's subscribers: once per new day
    expect(isoOf(store.getState().time)).toBe(isoOf(clock.time)); // the same day
    // Paused part way through a day, then scrubbed: the clock follows the store.
    a.advance(0.5);
    a.pause();
    expect(clock.time % 1).toBeCloseTo(0.5, 6);
    a.scrubTo(dayOf('2024-11-05'));
    expect(clock.time).toBe(dayOf('2024-11-05'));
    a.scrubTo(dayOf('2024-11-05')); // the same day again: nothing to change
    expect(clock.time).toBe(dayOf('2024-11-05'));
    store.setState({ time: dayOf('2024-12-01') }); // e.g. a briefing step
    expect(clock.time).toBe(dayOf('2024-12-01'));
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
