import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback } from 'react';
import type { SitmapStore } from './store.ts';
import { useStoreApi } from './hooks.ts';
import { prefersReducedMotion } from '../lib/motion.ts';
import type { Step } from '../scenario/schema.ts';

export interface ApplyStepOptions {
  /** The store of the scenario shown. */
  store: SitmapStore;
  /** Fly the camera there (default true); always instant under prefers-reduced-motion. */
  animate?: boolean;
  /** Gives up waiting for the map after this many ms (the view is set anyway). Default 60 s. */
  timeout?: number;
}

/**
 * Shows a briefing step, absolutely: its date (playback stops), its selection or none, its layer
 * kinds and relation types (all others shown), its highlight set and its camera (bearing and pitch
 * default to 0). Everything is set in one store update, so going to step N directly gives exactly
 * the view that stepping there gives. The camera request goes through the store; the map view
 * jumps or flies there and reports when it is `idle` with that view, which resolves the promise
 * (at once when there is no map, e.g. without WebGL; a map still loading is waited for).
 */
export function applyStep(step: Step, { store, animate = true, timeout = 60_000 }: ApplyStepOptions): Promise<void> {
  const seq = store.getState().briefingActions.applyView(step, animate && !prefersReducedMotion());
  // No map, and none loading (no WebGL): nothing to wait for. A map still loading (a link that
  // opens on a step) reports the step once it has drawn it, as any other.
  const map = (globalThis as { __sitmapMap?: MaplibreMap }).__sitmapMap;
  if (!map && !document.querySelector('.maplibregl-map')) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    // A later request supersedes this one: resolve when the map has settled on any request >= ours.
    const unsubscribe = store.subscribe((s) => {
      if (s.cameraSettled >= seq) done();
    });
    timer = setTimeout(done, timeout);
    if (store.getState().cameraSettled >= seq) done();
  });
}

/** `applyStep` bound to the store of the component's scenario. */
export function useApplyStep(): (step: Step, options?: { animate?: boolean }) => Promise<void> {
  const store = useStoreApi();
  return useCallback((step, options) => applyStep(step, { store, ...options }), [store]);
}
