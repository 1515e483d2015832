import { useEffect, useState } from 'react';

/** How long the pointer must rest before the audience view hides its tools and the cursor. */
export const POINTER_REST_MS = 3000;

/**
 * True once the pointer has not moved (nor pressed) for `ms`, false again at its next move: as
 * presentation software does, the projected screen loses its tool strip and cursor while the
 * presenter talks or uses a clicker, and gets them back as soon as the mouse moves.
 */
export function usePointerRest(ms: number = POINTER_REST_MS): boolean {
  const [resting, setResting] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setResting(true), ms);
    const wake = () => {
      clearTimeout(timer);
      setResting(false);
      timer = setTimeout(() => setResting(true), ms);
    };
    window.addEventListener('pointermove', wake, { passive: true });
    window.addEventListener('pointerdown', wake, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, [ms]);
  return resting;
}
