/**
 * Runs `fn` after the browser has presented its next frame: a requestAnimationFrame callback runs
 * just before that frame is drawn, and a task queued from it runs after. Work a user does not wait
 * for (the map redrawing a highlight) then stays out of the frame that answers their click, so
 * the panel they asked for is painted first (Event Timing / INP measure to that paint).
 * Callbacks run in the order they were scheduled. Returns a function that cancels a callback not
 * yet run.
 */
export function afterNextPaint(fn: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!cancelled) fn();
    }, 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
