/**
 * Runs `fn` after the browser has painted its next frame: a requestAnimationFrame callback runs
 * just before that frame is drawn, and a task queued from it runs after. Work a user does not wait
 * for (the map redrawing a highlight) then stays out of the frame that answers their input, so
 * what they asked for is painted first (Event Timing / INP measure to that paint).
 * Callbacks run in the order they were scheduled. Returns a function that cancels a callback not
 * yet run.
 */
export function afterNextPaint(fn: () => void): () => void {
  return afterFrame(fn, 0);
}

/**
 * How long after the main thread's part of a frame its pixels may take to reach the screen on a
 * slow machine: the compositor and GPU still draw it (on the 2-core benchmark machine with
 * software GL, about 35 ms), and work started meanwhile competes with them for the CPU.
 */
export const PRESENTATION_ALLOWANCE_MS = 50;

/**
 * Like `afterNextPaint`, but leaves the frame time to reach the screen first
 * (`PRESENTATION_ALLOWANCE_MS`): for the heavier work that follows a click (the rest of the
 * details panel, the map's redraw of the selection, a camera move), which would otherwise hold up
 * the frame that shows the answer. Callbacks run in the order they were scheduled.
 */
export function afterPresented(fn: () => void): () => void {
  return afterFrame(fn, PRESENTATION_ALLOWANCE_MS);
}

function afterFrame(fn: () => void, delay: number): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!cancelled) fn();
    }, delay);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
