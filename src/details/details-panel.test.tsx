// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StoreContext } from '../state/hooks.ts';
import { createSitmapStore } from '../state/store.ts';
import { minimalScenario } from '../scenario/fixtures/minimal.ts';
import { DetailsPanel } from './details-panel.tsx';
import { claimsFor, type EntityRef } from '../scenario/derive/details.ts';

afterEach(cleanup);

function setup(selection: EntityRef | null, scenario = minimalScenario()) {
  const store = createSitmapStore(scenario, { selection });
  render(
    <StoreContext.Provider value={store}>
      <button type="button">before</button>
      <DetailsPanel />
    </StoreContext.Provider>,
  );
  return store;
}

describe('DetailsPanel', () => {
  it('shows an actor with its relations and claims grouped by status', () => {
    setup({ kind: 'actor', id: 'north-korea' });
    const panel = screen.getByRole('complementary');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('North Korea');
    expect(within(panel).getByText('Sends troops.')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'sends troops' })).toBeTruthy();
    const groups = [...panel.querySelectorAll('.status-group')].map((r) => r.getAttribute('aria-label'));
    expect(groups).toEqual(['Confirmed', 'Corrected: the article against the record']);
  });

  it('gives who, when, figure and a safe source link for each claim', () => {
    setup({ kind: 'relation', id: 'deploys' });
    const claim = document.querySelector('[data-claim="nis-1500"]') as HTMLElement;
    expect(claim.textContent).toContain('South Korea NIS');
    expect(claim.textContent).toContain('18 Oct 2024');
    expect(claim.textContent).toContain('about 1,500 troops moved to Russia');
    const link = within(claim).getByRole('link');
    expect(link.getAttribute('href')).toBe('http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=188550');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders no link for a URL that is not http(s), and data text never as HTML', () => {
    const s = minimalScenario();
    s.sources[0]!.url = 'javascript:alert(1)';
    s.claims[0]!.statement = '<img src=x onerror=alert(1)> 北朝鮮 مرحبا 🚀';
    setup({ kind: 'relation', id: 'deploys' }, s);
    const claim = document.querySelector('[data-claim="nis-1500"]') as HTMLElement;
    expect(within(claim).queryByRole('link')).toBeNull();
    expect(claim.querySelector('img')).toBeNull();
    expect(claim.textContent).toContain('<img src=x onerror=alert(1)> 北朝鮮 مرحبا 🚀');
  });

  it('shows a corrected article claim beside the record and what was wrong', () => {
    setup({ kind: 'relation', id: 'deploys' });
    const corrected = document.querySelector('.claim-corrected') as HTMLElement;
    expect(within(corrected).getByText('The figure came from the NIS.')).toBeTruthy();
    expect(within(within(corrected).getByRole('region', { name: 'What the article says' })).getByText('The State Department said 3,000.')).toBeTruthy();
    expect(within(within(corrected).getByRole('region', { name: 'What the record shows' })).getByText('About 1,500 moved.')).toBeTruthy();
  });

  it("shows a movement's caveats under its short label, and none where it has none", () => {
    const s = minimalScenario();
    s.movements[0]!.note = 'Kursk stands for the border area.';
    setup({ kind: 'movement', id: 'air-west' }, s);
    const panel = screen.getByRole('complementary');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Flights west');
    expect(panel.querySelector('.movement-note')?.textContent).toBe('Kursk stands for the border area.');
    cleanup();
    setup({ kind: 'movement', id: 'air-west' });
    expect(screen.getByRole('complementary').querySelector('.movement-note')).toBeNull();
  });

  it('marks an area position as uncertain, not a location', () => {
    setup({ kind: 'position', id: 'kursk-region' });
    expect(screen.getByRole('complementary').textContent).toMatch(/Area of uncertainty: sources say “Kursk region”.*it is not a location/);
  });

  it('on a new selection paints the heading at once, and the claims and focus after that frame, never the previous claims under it', async () => {
    const store = setup({ kind: 'actor', id: 'north-korea' });
    const panel = screen.getByRole('complementary');
    expect(panel.querySelector('.details-claims')?.hasAttribute('hidden')).toBe(false);
    act(() => store.getState().actions.select({ kind: 'relation', id: 'deploys' }));
    // The click's own render: the new heading, and the previous entity's claims hidden (kept
    // mounted, so the click does not pay for removing them).
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('sends troops');
    const claims = panel.querySelector('.details-claims') as HTMLElement;
    expect(claims.hidden).toBe(true);
    const shown = () => [...panel.querySelectorAll('[data-claim]')].filter((c) => !c.closest('[hidden]')).map((c) => c.getAttribute('data-claim'));
    expect(shown()).toEqual([]);
    // Then, once that frame is painted: the relation's claims, shown, and the heading focused.
    await waitFor(() => expect(shown()).toContain('nis-1500'));
    expect([...new Set(shown())].sort()).toEqual(claimsFor(minimalScenario(), { kind: 'relation', id: 'deploys' }).map((c) => c.id).sort());
    await waitFor(() => expect(document.activeElement?.id).toBe('details-heading'));
  });

  it('closes on Escape and with its close button', async () => {
    const store = setup({ kind: 'actor', id: 'russia' });
    await userEvent.keyboard('{Escape}');
    expect(store.getState().selection).toBeNull();
    expect(screen.queryByRole('complementary')).toBeNull();
    store.getState().actions.select({ kind: 'actor', id: 'russia' });
    await userEvent.click(await screen.findByRole('button', { name: /Close details/ }));
    expect(store.getState().selection).toBeNull();
  });
});
