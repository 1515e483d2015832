import { useEffect } from 'react';
import type { SitmapStore } from '../state/store.ts';
import { formatHash, parseHash } from '../state/url.ts';

/**
 * Keeps the selection in the URL hash (`#actor=north-korea`) so a reload or a shared link shows
 * the same view; Back and Forward step through earlier selections.
 */
export function useHashSync(store: SitmapStore) {
  useEffect(() => {
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.selection === prev.selection) return;
      const hash = formatHash({ selection: state.selection }, location.hash);
      if (hash === location.hash || (hash === '' && location.hash === '')) return;
      history.pushState(null, '', hash || `${location.pathname}${location.search}`);
    });
    const onNavigate = () => {
      const { selection } = parseHash(location.hash);
      const current = store.getState().selection;
      if (selection?.kind === current?.kind && selection?.id === current?.id) return;
      store.getState().actions.select(selection);
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
