import { useCallback, useRef } from 'react';

/**
 * A ref for a box that scrolls when its content is taller than it (the audience's legend, whose
 * height is what the caption leaves): while the content would not fit, the box carries
 * `data-dense` and its CSS packs the rows tighter, so a long key (fourteen rows at a step that
 * shows every kind of thing, in German, under a three-line caption, at 1280×720) shows whole
 * rather than cut off on a projected screen that nobody scrolls. Checked again when the box's
 * slot changes size (ResizeObserver) or its content changes (MutationObserver), both before the
 * next paint: the attribute is taken off, the box measured, and put back if it overflows.
 */
export function useDenseWhenFull(): (el: HTMLElement | null) => void {
  const stop = useRef<(() => void) | null>(null);
  return useCallback((el: HTMLElement | null) => {
    stop.current?.();
    stop.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      el.removeAttribute('data-dense');
      if (el.scrollHeight > el.clientHeight + 1) el.setAttribute('data-dense', '');
    };
    const resized = new ResizeObserver(fit);
    resized.observe(el);
    if (el.parentElement) resized.observe(el.parentElement);
    const changed = new MutationObserver(fit);
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    fit();
    stop.current = () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
}
