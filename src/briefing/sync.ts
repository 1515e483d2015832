import { useCallback, useEffect, useRef, useState } from 'react';
import type { Blank, SitmapStore } from '../state/store.ts';

type Message =
  | { type: 'hello'; from: string }
  | { type: 'step'; from: string; step: number; startedAt: number; blank?: Blank | null }
  | { type: 'reshow'; from: string; step: number }
  | { type: 'restart'; from: string; startedAt: number }
  | { type: 'leave'; from: string };

const WINDOW_ID = Math.random().toString(36).slice(2);

/**
 * Keeps the audience and presenter windows on the same step and blank screen (B / W), both ways,
 * over a BroadcastChannel named `sitmap-briefing-<briefing id>` (same origin, no network). A
 * window announces itself with `hello`; the others answer with their step, whether the screen is
 * blank and when presenting started (the earliest start wins, so both clocks agree); `reshow`
 * asks for the step on screen afresh; `restart` sets the clocks' start to now (the presenter's
 * Reset: a rehearsal or a wait for the room is not the talk). What is received is applied without
 * being sent back. Returns when presenting started (ms since 1970) and the clocks' restart.
 */
export function useBriefingSync(store: SitmapStore, briefingId: string): { startedAt: number; restartClock: () => void } {
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const restart = useRef(() => setStartedAt(Date.now()));
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(`sitmap-briefing-${briefingId}`);
    let started = startedAt;
    let remote = false;
    const post = (m: Message) => channel.postMessage(m);
    const current = () => store.getState().presenting;
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (!m || m.from === WINDOW_ID) return;
      remote = true;
      try {
        if (m.type === 'hello') {
          const p = current();
          if (p?.briefingId === briefingId) post({ type: 'step', from: WINDOW_ID, step: p.step, startedAt: started, blank: store.getState().blank });
        } else if (m.type === 'step') {
          if (m.startedAt < started) setStartedAt((started = m.startedAt));
          store.getState().briefingActions.present(briefingId, m.step);
          store.getState().briefingActions.setBlank(m.blank ?? null);
        } else if (m.type === 'reshow') {
          const p = current();
          if (p?.briefingId === briefingId && p.step === m.step) store.getState().briefingActions.reshow();
          else store.getState().briefingActions.present(briefingId, m.step);
        } else if (m.type === 'restart') {
          setStartedAt((started = m.startedAt));
        } else if (m.type === 'leave') {
          if (current()) store.getState().briefingActions.stopPresenting();
        }
      } finally {
        remote = false;
      }
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (remote) return;
      const p = s.presenting;
      if (p?.briefingId === briefingId) {
        // (A reshow also brings back a blank screen: the other window's reshow does the same.)
        if (s.reshown !== prev.reshown && p === prev.presenting) post({ type: 'reshow', from: WINDOW_ID, step: p.step });
        else if (p !== prev.presenting || s.blank !== prev.blank) post({ type: 'step', from: WINDOW_ID, step: p.step, startedAt: started, blank: s.blank });
      } else if (prev.presenting?.briefingId === briefingId && !p) post({ type: 'leave', from: WINDOW_ID });
    });
    restart.current = () => {
      setStartedAt((started = Date.now()));
      post({ type: 'restart', from: WINDOW_ID, startedAt: started });
    };
    post({ type: 'hello', from: WINDOW_ID });
    return () => {
      unsubscribe();
      channel.close();
      restart.current = () => setStartedAt(Date.now());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one channel per briefing; startedAt is tracked inside
  }, [store, briefingId]);
  const restartClock = useCallback(() => restart.current(), []);
  return { startedAt, restartClock };
}
