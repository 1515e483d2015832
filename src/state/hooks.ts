import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { resolvedScenario, type SitmapState, type SitmapStore } from './store.ts';
import type { EntityRef } from '../scenario/derive/details.ts';
import { localizeScenario } from '../scenario/localize.ts';
import { isLang, useT } from '../i18n/index.ts';
import { isoOf, settledDay } from '../scenario/derive/time.ts';

export const StoreContext = createContext<SitmapStore | null>(null);

function useSitmap<T>(selector: (s: SitmapState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('Sitmap hooks must be used inside <StoreContext.Provider>');
  return useStore(store, selector);
}

/**
 * The scenario resolved to the UI's language (every text a plain string); re-renders when the
 * language or the scenario changes. The same object for the same file and language.
 */
export function useScenario() {
  const { i18n } = useT();
  const file = useSitmap((s) => s.scenario);
  return localizeScenario(file, isLang(i18n.language) ? i18n.language : 'en');
}
/** The scenario file as loaded, localised texts unresolved (`{ en, de }`): for export. */
export const useScenarioFile = () => useSitmap((s) => s.scenario);
export const useSelection = () => useSitmap((s) => s.selection);
export const useHovered = () => useSitmap((s) => s.hovered);
/** Whether `ref` is the selection: re-renders only the items whose answer changes. */
export const useIsSelected = (ref: EntityRef) => useSitmap((s) => s.selection?.kind === ref.kind && s.selection.id === ref.id);
export const useLayers = () => useSitmap((s) => s.layers);
export const useRelationTypes = () => useSitmap((s) => s.relationTypes);
export const useFrameRequest = () => useSitmap((s) => s.frameRequest);
export const useNotice = () => useSitmap((s) => s.notice);
export const useActions = () => useSitmap((s) => s.actions);
/** The ISO date shown; components re-render once per day, not once per playback frame. */
export const useDate = () => useSitmap((s) => isoOf(s.time));
/**
 * The date that derived state depends on: the last day on or before the date shown on which
 * anything in the scenario changes (see `settledDay`). Lists, claims, troop numbers and map
 * filters use it, so during playback they re-render when the situation changes, not every day.
 */
export const useSettledDate = () => useSitmap((s) => isoOf(settledDay(resolvedScenario(s), s.time)));
export const useOverlays = () => useSitmap((s) => s.overlays);
export const useOverlayVisible = () => useSitmap((s) => s.overlayVisible);
export const usePlaying = () => useSitmap((s) => s.playing);
export const useSpeed = () => useSitmap((s) => s.speed);

/** The store itself, for code that must follow every frame without re-rendering (the map's clock). */
export function useStoreApi(): SitmapStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('Sitmap hooks must be used inside <StoreContext.Provider>');
  return store;
}

// ---- Briefing mode (helper "briefing-ui") ----
export const useCameraRequest = () => useSitmap((s) => s.cameraRequest);
export const useHighlight = () => useSitmap((s) => s.highlight);
export const usePresenting = () => useSitmap((s) => s.presenting);
export const useProjector = () => useSitmap((s) => s.projector);
export const useBlank = () => useSitmap((s) => s.blank);
export const useReshown = () => useSitmap((s) => s.reshown);
export const useIsPresenting = () => useSitmap((s) => s.presenting !== null);
export const useViewBounds = () => useSitmap((s) => s.viewBounds);
export const useBriefingActions = () => useSitmap((s) => s.briefingActions);
// ---- end briefing mode ----
