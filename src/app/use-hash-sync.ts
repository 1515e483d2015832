import { useEffect } from 'react';
import { afterPresented } from '../lib/after-paint.ts';
import type { SitmapStore } from '../state/store.ts';
import { formatHash, parseBriefingHash, parseHash } from '../state/url.ts';
import { i18n } from '../i18n/index.ts';
import { dayOf, isoOf } from '../scenario/derive/time.ts';

/**
 * Keeps the selection and the date in the URL hash (`#date=2024-10-28&actor=north-korea`) so a
 * reload or a shared link shows the same view. A new selection is a history entry (Back returns
 * to the previous one); date changes replace the current entry, once per day shown, never per
 * frame, and not at all during playback (the date is written when it stops). The date is left out while it is the scenario's last day, the default.
 */
// ---- Briefing mode (helper "briefing-ui") ----
type Presenting = { briefingId: string; step: number };
/**
 * The briefing a link asks to present (`#briefing=kursk&step=3`), checked against the scenario:
 * an unknown briefing is not presented, a step out of range opens its first step; either says so.
 */
export function briefingFromHash(scenario: { briefings?: Array<{ id: string; steps: unknown[] }> }, hash: string): { presenting: Presenting | null; notice: string | null } {
  const asked = parseBriefingHash(hash);
  if (!asked) return { presenting: null, notice: null };
  const briefing = scenario.briefings?.find((b) => b.id === asked.id);
  if (!briefing) {
    const known = (scenario.briefings ?? []).map((b) => b.id).join(', ');
    return {
      presenting: null,
      notice: i18n.t(known ? 'briefingLink.unknown' : 'briefingLink.unknownNone', {
        id: asked.id,
        known,
      }),
    };
  }
  if (!(asked.step >= 0 && asked.step < briefing.steps.length)) {
    return {
      presenting: { briefingId: briefing.id, step: 0 },
      notice: i18n.t('briefingLink.step', {
        step: asked.stepText ?? '',
        id: briefing.id,
        count: briefing.steps.length,
      }),
    };
  }
  return { presenting: { briefingId: briefing.id, step: asked.step }, notice: null };
}
// ---- end briefing mode ----

export function useHashSync(store: SitmapStore) {
  useEffect(() => {
    const hashOf = (s: ReturnType<SitmapStore['getState']>) => {
      const date = isoOf(s.time);
      return formatHash({ selection: s.selection, date: date === s.scenario.span.end ? undefined : date }, current());
    };
    // The URL follows the store after the frame that answers the input is painted: a history
    // write (pushState) took a few milliseconds of the click on an actor. Writes keep their
    // order; a navigation by the user (Back, an edited hash) drops those not yet made.
    let queued: Array<{ hash: string; push: boolean }> = [];
    let cancel: (() => void) | null = null;
    const flush = () => {
      cancel = null;
      const writes = queued;
      queued = [];
      for (const { hash, push } of writes) {
        if (hash === location.hash) continue;
        const url = hash || `${location.pathname}${location.search}`;
        if (push) history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
    };
    const write = (hash: string, push: boolean) => {
      queued.push({ hash, push });
      cancel ??= afterPresented(flush);
    };
    /** The hash as it will be once the queued writes are made. */
    const current = () => queued.at(-1)?.hash ?? location.hash;
    const drop = () => {
      queued = [];
      cancel?.();
      cancel = null;
    };
    const unsubscribe = store.subscribe((state, prev) => {
      // Briefing mode: the step is in the hash (replaced, not pushed: a briefing is one history
      // entry), and while presenting, selections that steps set replace the entry too.
      if (state.presenting !== prev.presenting) {
        const p = state.presenting;
        write(formatHash({ ...parseHash(hashOf(state)), briefing: p ? { id: p.briefingId, step: p.step } : null }, current()), !!p && !prev.presenting);
      } else if (state.selection !== prev.selection && state.presenting) write(hashOf(state), false);
      else if (state.selection !== prev.selection) write(hashOf(state), true);
      else if (state.playing) return;
      else if (isoOf(state.time) !== isoOf(prev.time) || state.scenario !== prev.scenario || prev.playing) write(hashOf(state), false);
    });
    const onNavigate = () => {
      drop();
      const { selection, date } = parseHash(location.hash);
      const s = store.getState();
      // Briefing mode: a hash naming a briefing (edited, or Back to it) presents it; leaving it stops.
      const asked = briefingFromHash(s.scenario, location.hash);
      if (asked.notice) s.actions.dismissNotice();
      if (asked.presenting) {
        s.briefingActions.present(asked.presenting.briefingId, asked.presenting.step);
        if (asked.notice) store.setState({ notice: asked.notice });
        return;
      }
      if (s.presenting) s.briefingActions.stopPresenting();
      if (asked.notice) store.setState({ notice: asked.notice });
      if (selection?.kind !== s.selection?.kind || selection?.id !== s.selection?.id) s.actions.select(selection);
      const target = date ?? s.scenario.span.end;
      if (target !== isoOf(s.time)) s.actions.scrubTo(dayOf(target));
    };
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      unsubscribe();
      cancel?.();
      flush();
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, [store]);
}
