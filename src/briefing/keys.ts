import { useEffect, useRef, useState } from 'react';
import type { Blank } from '../state/store.ts';

const BLANK_KEYS = new Map<string, Blank>([['b', 'black'], ['B', 'black'], ['.', 'black'], ['w', 'white'], ['W', 'white'], [',', 'white']]);

/**
 * Presenting keys, on the window in the capture phase (so a focused button or the details panel
 * does not also act on them): →, Space, PageDown next; ←, PageUp previous (what clickers send);
 * Home/End; digits then Enter jump to that step (1-based); Esc leaves. B or . blanks the screen
 * black, W or , white, and the same key again brings it back (presentation software's keys; a
 * clicker's blank-screen button sends one of them); while blank, a step key brings the picture
 * back without moving on, so the audience returns to what it left (a number and Enter still
 * goes to that step). The number of the step on screen and Enter shows it again (`reshow`): back
 * to its view after the map was moved. F5 does nothing (it started presenting; it must not reload
 * the page). Returns the digits typed.
 */
export function useStepKeys(keys: {
  step: number;
  count: number;
  go: (step: number) => void;
  reshow: () => void;
  onEscape: () => void;
  blank: { on: Blank | null; set: (blank: Blank | null) => void };
}): string {
  const [digits, setDigits] = useState('');
  const state = useRef({ ...keys, digits });
  state.current = { ...keys, digits };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      // Keys in a dialog (the export menu opened from the audience view) are the dialog's.
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog, [role="dialog"]')) return;
      const { step, count, go: move, reshow, onEscape, digits, blank } = state.current;
      const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
      const go = (n: number) => (blank.on ? blank.set(null) : move(n));
      let handled = true;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          go(clamp(step + 1));
          break;
        case 'ArrowLeft':
        case 'PageUp':
          go(clamp(step - 1));
          break;
        case 'Home':
          go(0);
          break;
        case 'End':
          go(count - 1);
          break;
        case 'Enter':
          if (!digits) handled = false;
          else {
            const n = Number(digits);
            // A step asked for by number is shown, blank or not; the one on screen afresh.
            if (n - 1 === step) reshow();
            else if (n >= 1 && n <= count) {
              blank.set(null);
              move(n - 1);
            }
          }
          break;
        case 'F5':
          // Already presenting (F5 starts it, entry.tsx): a clicker's start button or a habit must
          // not reload the page, which would leave full screen.
          break;
        case 'Escape':
          if (digits) break;
          onEscape();
          break;
        case 'Backspace':
          if (!digits) handled = false;
          else setDigits(digits.slice(0, -1));
          return e.preventDefault();
        default: {
          const colour = BLANK_KEYS.get(e.key);
          if (colour) {
            blank.set(blank.on === colour ? null : colour);
            break;
          }
          if (/^[0-9]$/.test(e.key)) {
            setDigits((digits + e.key).slice(-3));
            e.preventDefault();
            e.stopPropagation();
            return;
          }
          handled = false;
        }
      }
      if (!handled) return;
      setDigits('');
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return digits;
}
