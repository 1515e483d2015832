// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { StoreContext } from '../state/hooks.ts';
import { createSitmapStore } from '../state/store.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import type { StepFile } from '../scenario/schema.ts';
import { BriefingButtons } from './entry.tsx';
import { useStepKeys } from './keys.ts';

afterEach(cleanup);

const step = (id: string): StepFile => ({ id, title: id, caption: id, notes: '', date: '2024-10-20', camera: { center: [100, 45], zoom: 3 } });

/** The top bar's briefing buttons on a real store, with a 4-step briefing; `keys`: the presenting keys too, as the audience view wires them. */
function topBar({ briefings = true, keys = false } = {}) {
  const scenario = { ...minimalScenario(), ...(briefings ? { briefings: [{ id: 'mini', title: 'Mini', steps: ['a', 'b', 'c', 'd'].map(step) }] } : {}) };
  const store = createSitmapStore(scenario);
  const { briefingActions: a } = store.getState();
  function Keys() {
    const s = store.getState();
    useStepKeys({ step: s.presenting?.step ?? 0, count: 4, go: (n) => a.present('mini', n), reshow: a.reshow, onEscape: a.stopPresenting, blank: { on: s.blank, set: a.setBlank } });
    return null;
  }
  render(
    <StoreContext.Provider value={store}>
      <BriefingButtons />
      {keys && <Keys />}
    </StoreContext.Provider>,
  );
  /** Presses a key on the page; whether the page kept it from the browser (no reload). */
  const press = (key: string, mods: KeyboardEventInit = {}) => {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods });
    act(() => void document.body.dispatchEvent(e));
    return e.defaultPrevented;
  };
  return { press, presenting: () => store.getState().presenting, a };
}

describe('F5 starts presenting, as in presentation software', () => {
  it('F5 from the first step, Shift+F5 from the step last shown, instead of reloading the page', () => {
    const { press, presenting, a } = topBar();
    expect(press('F5')).toBe(true);
    expect(presenting()).toEqual({ briefingId: 'mini', step: 0 });
    act(() => a.present('mini', 2));
    act(() => a.stopPresenting());
    expect(press('F5', { shiftKey: true })).toBe(true);
    expect(presenting()).toEqual({ briefingId: 'mini', step: 2 });
    act(() => a.stopPresenting());
    expect(press('F5')).toBe(true);
    expect(presenting()).toEqual({ briefingId: 'mini', step: 0 });
  });

  it('while presenting F5 does nothing and does not reload; Ctrl+F5 is the browser\'s', () => {
    const { press, presenting, a } = topBar({ keys: true });
    act(() => a.present('mini', 1));
    expect(press('F5')).toBe(true);
    expect(press('F5', { shiftKey: true })).toBe(true);
    expect(presenting()).toEqual({ briefingId: 'mini', step: 1 });
    act(() => a.stopPresenting());
    expect(press('F5', { ctrlKey: true })).toBe(false);
    expect(presenting()).toBe(null);
  });

  it('a scenario without a briefing leaves F5 to the browser', () => {
    const { press, presenting } = topBar({ briefings: false });
    expect(press('F5')).toBe(false);
    expect(presenting()).toBe(null);
  });
});
