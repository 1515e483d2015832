// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { StoreContext } from '../state/hooks.ts';
import { createSitmapStore } from '../state/store.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import { dayOf } from '../scenario/derive/time.ts';
import { ActorList, EntityLists } from './entity-lists.tsx';

afterEach(cleanup);

const row = (kind: string, id: string) => document.querySelector(`.entity-lists button[data-kind="${kind}"][data-id="${id}"]`) as HTMLButtonElement;

describe('EntityLists', () => {
  it('marks what has not begun by the date shown, says from when, and follows the date', () => {
    const store = createSitmapStore(minimalScenario(), { date: '2024-10-10' });
    render(
      <StoreContext.Provider value={store}>
        <ActorList />
        <EntityLists />
      </StoreContext.Provider>,
    );
    // 10 Oct: the deployment (from 18 Oct), the flights (from 20 Oct) and the position (from 23 Oct) are yet to come.
    expect(row('relation', 'deploys').className).toBe('item inactive');
    expect(row('relation', 'deploys').textContent).toContain('from 18 Oct 2024');
    expect(row('movement', 'air-west').className).toBe('item inactive');
    expect(row('position', 'kursk-region').textContent).toContain('from 23 Oct 2024');

    // 20 Oct: the deployment and the flights have begun; the position not yet.
    act(() => store.getState().actions.scrubTo(dayOf('2024-10-20')));
    expect(row('relation', 'deploys').className).toBe('item');
    expect(row('relation', 'deploys').textContent).not.toContain('from');
    expect(row('movement', 'air-west').className).toBe('item');
    expect(row('position', 'kursk-region').className).toBe('item inactive');

    // 25 Oct: the position holds too.
    act(() => store.getState().actions.scrubTo(dayOf('2024-10-25')));
    expect(row('position', 'kursk-region').className).toBe('item');
    expect(row('position', 'kursk-region').textContent).not.toContain('from');
  });

  it('lists the actors open and starts every other list folded, and opens one on a click', () => {
    const store = createSitmapStore(minimalScenario(), { date: '2024-10-25' });
    render(
      <StoreContext.Provider value={store}>
        <ActorList />
        <EntityLists />
      </StoreContext.Provider>,
    );
    const lists = [...document.querySelectorAll<HTMLDetailsElement>('.entity-lists details')];
    expect(lists.map((d) => d.querySelector('summary')!.textContent)).toEqual(['Relations (1)', 'Movements (1)', 'Troop positions (1)', 'Places (5)']);
    expect(lists.map((d) => d.open)).toEqual([false, false, false, false]);
    expect(row('actor', 'north-korea')).not.toBeNull();
    act(() => lists[0]!.querySelector('summary')!.click());
    expect(lists[0]!.open).toBe(true);
  });
});
