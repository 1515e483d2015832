// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { useStepKeys } from './keys.ts';
import { createSitmapStore } from '../state/store.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';

afterEach(cleanup);

/** The keys wired to a real store, as the audience view wires them, on a 5-step briefing. */
function presenting() {
  const store = createSitmapStore(minimalScenario(), { presenting: { briefingId: 'b', step: 2 } });
  const { briefingActions: a } = store.getState();
  const hook = renderHook(() => {
    const s = store.getState();
    return useStepKeys({ step: s.presenting?.step ?? 0, count: 5, go: (n) => a.present('b', n), reshow: a.reshow, onEscape: a.stopPresenting, blank: { on: s.blank, set: a.setBlank } });
  });
  const press = (key: string) =>
    act(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      hook.rerender();
    });
  const at = () => ({ step: store.getState().presenting?.step ?? null, blank: store.getState().blank, reshown: store.getState().reshown });
  return { press, at };
}

describe('presenting keys: a blank screen', () => {
  it('B and . blank it black, W and , white; the same key again brings the picture back', () => {
    const { press, at } = presenting();
    press('b');
    expect(at()).toEqual({ step: 2, blank: 'black', reshown: 0 });
    press('B');
    expect(at()).toEqual({ step: 2, blank: null, reshown: 0 });
    press('.');
    expect(at()).toEqual({ step: 2, blank: 'black', reshown: 0 });
    press('w'); // the other colour: white at once
    expect(at()).toEqual({ step: 2, blank: 'white', reshown: 0 });
    press(',');
    expect(at()).toEqual({ step: 2, blank: null, reshown: 0 });
  });

  it('while blank, a step key brings back the step left, and moves on only at the next press', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End']) {
      const { press, at } = presenting();
      press('.');
      press(key);
      expect(at(), key).toEqual({ step: 2, blank: null, reshown: 0 });
      press(key);
      expect(at().step, key).not.toBe(2);
      cleanup();
    }
  });

  it('a number and Enter goes to that step, blank or not; the one on screen is shown again', () => {
    const { press, at } = presenting();
    press('b');
    press('4');
    press('Enter');
    expect(at()).toEqual({ step: 3, blank: null, reshown: 0 });
    press('b');
    press('4');
    press('Enter');
    expect(at()).toEqual({ step: 3, blank: null, reshown: 1 });
    press('4');
    press('Enter');
    expect(at()).toEqual({ step: 3, blank: null, reshown: 2 });
    press('9'); // no such step: nothing happens
    press('Enter');
    expect(at()).toEqual({ step: 3, blank: null, reshown: 2 });
  });

  it('Esc leaves presenting, and with it the blank screen', () => {
    const { press, at } = presenting();
    press('b');
    press('Escape');
    expect(at()).toEqual({ step: null, blank: null, reshown: 0 });
  });
});
