// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createSitmapStore, type SitmapStore } from '../state/store.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import { useHashSync } from './use-hash-sync.ts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

function Sync({ store }: { store: SitmapStore }) {
  useHashSync(store);
  return null;
}

function setup() {
  history.replaceState(null, '', '/');
  const store = createSitmapStore(minimalScenario());
  render(<Sync store={store} />);
  return store;
}

describe('useHashSync', () => {
  it('writes each selection to the URL as its own history entry, in order, after the frame that shows it', async () => {
    const store = setup();
    const before = history.length;
    act(() => {
      store.getState().actions.select({ kind: 'actor', id: 'north-korea' });
      store.getState().actions.select({ kind: 'actor', id: 'russia' });
    });
    // Not in the click itself: a history write costs the frame that answers it a few ms.
    expect(location.hash).toBe('');
    await waitFor(() => expect(location.hash).toBe('#actor=russia'));
    expect(history.length).toBe(before + 2);
    history.back();
    await waitFor(() => expect(location.hash).toBe('#actor=north-korea'));
  });

  it('drops writes not yet made when the user navigates (Back, an edited hash), and follows the URL', async () => {
    const store = setup();
    const before = history.length;
    act(() => store.getState().actions.select({ kind: 'actor', id: 'north-korea' }));
    // The user edits the hash before the queued write is made.
    history.replaceState(null, '', '/#actor=russia');
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'russia' });
    await new Promise((r) => setTimeout(r, 150));
    expect(location.hash).toBe('#actor=russia');
    expect(history.length, 'no entry for the selection the user navigated away from').toBe(before);
  });
});
