import { useEffect } from 'react';
import type { SitmapStore } from '../state/store.ts';
import { formatHash, parseHash } from '../state/url.ts';
import { dayOf, isoOf } from '../scenario/derive/time.ts';

/**
 * Keeps the selection and the date in the URL hash (`#date=2024-10-28&actor=north-korea`) so a
 * reload or a shared link shows the same view. A new selection is a history entry (Back returns
 * to the previous one); date changes replace the current entry, once per day shown, never per
 * frame, and not at all during playback (the date is written when it stops). The date is left out while it is the scenario's last day, the default.
 */
export function useHashSync(store: SitmapStore) {
  useEffect(() => {
    const hashOf = (s: ReturnType<SitmapStore['getState']>) => {
      const date = isoOf(s.time);
      return formatHash({ selection: s.selection, date: date === s.scenario.span.end ? undefined : date }, location.hash);
    };
    const write = (hash: string, push: boolean) => {
      if (hash === location.hash) return;
      const url = hash || `${location.pathname}${location.search}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.selection !== prev.selection) write(hashOf(state), true);
      else if (state.playing) return;
      else if (isoOf(state.time) !== isoOf(prev.time) || state.scenario !== prev.scenario || prev.playing) write(hashOf(state), false);
    });
    const onNavigate = () => {
      const { selection, date } = parseHash(location.hash);
      const s = store.getState();
      if (selection?.kind !== s.selection?.kind || selection?.id !== s.selection?.id) s.actions.select(selection);
      const target = date ?? s.scenario.span.end;
      if (target !== isoOf(s.time)) s.actions.scrubTo(dayOf(target));
    };
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, [store]);
}
