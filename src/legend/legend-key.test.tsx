// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { StoreContext } from '../state/hooks.ts';
import { createSitmapStore, type SitmapStore } from '../state/store.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import { dayOf } from '../scenario/derive/time.ts';
import LegendKey from './legend-key.tsx';

afterEach(cleanup);

const renderKey = (store: SitmapStore) =>
  render(
    <StoreContext.Provider value={store}>
      <LegendKey />
    </StoreContext.Provider>,
  );
const rows = () => [...document.querySelectorAll('.legend-key .legend-row')].map((r) => r.textContent!.trim());

describe('LegendKey (the audience view’s legend)', () => {
  it('lists only what the map draws on the date, with no controls, and follows date and toggles', () => {
    const store = createSitmapStore(minimalScenario(), { date: '2024-10-10' });
    renderKey(store);
    expect(document.querySelector('.legend-key input, .legend-key button')).toBeNull();
    // 10 Oct: no relation holds, no movement has begun, no position holds.
    expect(rows()).toEqual(['Actor, at its capital', 'Place named by a source']);

    // 25 Oct: the deployment holds, the flights have begun, the area position holds.
    act(() => store.getState().actions.scrubTo(dayOf('2024-10-25')));
    expect(rows()).toEqual(['Troop deployment', 'Troop movement by air', 'Reported troop position', 'Area of uncertainty (region only)', 'Actor, at its capital', 'Place named by a source']);

    // A relation type or layer switched off leaves the key.
    act(() => store.getState().actions.toggleRelationType('troop-deployment'));
    act(() => store.getState().actions.toggleLayer('movements'));
    expect(rows()).toEqual(['Reported troop position', 'Area of uncertainty (region only)', 'Actor, at its capital', 'Place named by a source']);
  });

  it('lists only what reaches into the part of the world in view, following the map', () => {
    const store = createSitmapStore(minimalScenario(), { date: '2024-10-25' });
    renderKey(store);
    expect(rows()).toContain('Troop deployment');
    // The map moves to Kursk: the Pyongyang–Moscow deployment and both capitals are out of view.
    act(() => store.getState().briefingActions.setViewBounds([34, 50.5, 37.5, 52.3]));
    expect(rows()).toEqual(['Troop movement by air', 'Reported troop position', 'Area of uncertainty (region only)', 'Place named by a source']);
    // Back to exploring (no bounds): the whole key again.
    act(() => store.getState().briefingActions.setViewBounds(null));
    expect(rows()).toEqual(['Troop deployment', 'Troop movement by air', 'Reported troop position', 'Area of uncertainty (region only)', 'Actor, at its capital', 'Place named by a source']);
  });

  it('lists an overlay from the user\'s file only while one of its features is in view', () => {
    const overlay = {
      id: 'overlay-0',
      name: 'front-line.geojson',
      color: '#009E73',
      data: { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { __sitmapId: '0-0' }, geometry: { type: 'LineString' as const, coordinates: [[34.5, 51], [36.5, 52]] } }] },
    };
    const store = createSitmapStore(minimalScenario(), { date: '2024-10-25', overlays: [overlay] });
    renderKey(store);
    expect(rows()).toContain('front-line.geojson');
    act(() => store.getState().briefingActions.setViewBounds([120, 35, 130, 42]));
    expect(rows()).not.toContain('front-line.geojson');
    act(() => store.getState().briefingActions.setViewBounds([34, 50.5, 37.5, 52.3]));
    expect(rows()).toContain('front-line.geojson');
  });
});
