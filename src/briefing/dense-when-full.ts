import { useCallback, useRef } from 'react';

/**
 * The values of `data-dense`, tried in turn while the content still overflows, so the key is
 * packed no tighter than it must be: "" tighter rows; "more" no room between them (the German key
 * at a 4:3 projector's 1024×768, on the step that shows every kind of thing, was still 3 px too
 * tall); "most" tighter lines in a name that wraps.
 */
const DENSE_LEVELS = ['', 'more', 'most'];

/**
 * A ref for a box that scrolls when its content is taller than it (the audience's legend, whose
 * height is what the caption leaves): while the content would not fit, the box carries
 * `data-dense` and its CSS packs the rows tighter (in steps: `DENSE_LEVELS`), so a long key
 * (fourteen rows at a step that shows every kind of thing, in German, under a three-line caption,
 * at 1280×720) shows whole rather than cut off on a projected screen that nobody scrolls. Checked
 * again when the box's slot changes size (ResizeObserver) or its content changes
 * (MutationObserver), both before the next paint: the attribute is taken off, the box measured,
 * and set to each level in turn while it still overflows.
 */
export function useDenseWhenFull(): (el: HTMLElement | null) => void {
  const stop = useRef<(() => void) | null>(null);
  return useCallback((el: HTMLElement | null) => {
    stop.current?.();
    stop.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      el.removeAttribute('data-dense');
      for (const level of DENSE_LEVELS) {
        if (el.scrollHeight <= el.clientHeight + 1) return;
        el.setAttribute('data-dense', level);
      }
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
