import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { dayOf, timelineEvents } from '../scenario/derive/time.ts';
import { SPEEDS, type Speed } from '../state/store.ts';
import { useActions, useDate, usePlaying, useScenario, useSpeed, useStoreApi } from '../state/hooks.ts';
import { formatDate } from '../lib/format.ts';
import { prefersReducedMotion } from '../lib/motion.ts';

const SPEED_LABEL: Record<Speed, string> = { 1: '1 day/s', 7: '1 week/s', 30: '1 month/s' };
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const yearFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Runs playback while `playing`: smooth frames, or whole-day steps under reduced motion. */
function usePlayback() {
  const store = useStoreApi();
  const playing = usePlaying();
  useEffect(() => {
    if (!playing) return;
    const { actions } = store.getState();
    if (prefersReducedMotion()) {
      // No gliding: the date jumps a whole day at a time, at the chosen speed.
      const id = setInterval(() => {
        const { time } = store.getState();
        actions.scrubTo(Math.floor(time) + 1);
        if (store.getState().time === time) actions.pause();
      }, 1000 / store.getState().speed);
      return () => clearInterval(id);
    }
    let previous = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      actions.advance(Math.min(0.25, (now - previous) / 1000));
      previous = now;
      if (store.getState().playing) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}

/**
 * The timeline: "Situation as of" a date, a slider across the scenario's span with a tick per
 * dated event, and playback. Keys on the slider: ←/→ a day, Shift+←/→ a week, Home/End.
 */
export function Timeline() {
  const scenario = useScenario();
  const date = useDate();
  const playing = usePlaying();
  const speed = useSpeed();
  const { scrubTo, play, pause, setSpeed } = useActions();
  const [hovered, setHovered] = useState<{ date: string; labels: string[] } | null>(null);
  const [focused, setFocused] = useState(false);
  usePlayback();

  const first = dayOf(scenario.span.start);
  const last = dayOf(scenario.span.end);
  const events = useMemo(() => timelineEvents(scenario).filter((e) => e.date >= scenario.span.start && e.date <= scenario.span.end), [scenario]);
  const months = useMemo(() => {
    const out: Array<{ day: number; label: string }> = [];
    const d = new Date(`${scenario.span.start}T00:00:00Z`);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + 1);
    while (d.getTime() / 86_400_000 <= last) {
      const day = d.getTime() / 86_400_000;
      out.push({ day, label: (d.getUTCMonth() === 0 ? yearFormat : monthFormat).format(d) });
      d.setUTCMonth(d.getUTCMonth() + 1);
    }
    return out;
  }, [scenario.span.start, last]);
  const at = (day: number) => `calc(var(--thumb) / 2 + (100% - var(--thumb)) * ${(day - first) / (last - first)})`;
  const today = events.find((e) => e.date === date);
  const shown = hovered ?? (focused && today ? today : null);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      scrubTo(dayOf(date) + (e.key === 'ArrowRight' ? 7 : -7));
    }
  };

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-controls">
        <button
          type="button"
          className="play"
          onClick={() => (playing ? pause() : play())}
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause' : 'Play'}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <label className="speed">
          <span className="visually-hidden">Playback speed</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {SPEED_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <p className="as-of" data-date={date}>
          Situation as of <time dateTime={date}>{formatDate(date)}</time>
        </p>
      </div>
      <div className="track" onMouseLeave={() => setHovered(null)}>
        <input
          type="range"
          aria-label="Date shown"
          aria-valuetext={`${formatDate(date)}${today ? `: ${today.labels.length} event${today.labels.length > 1 ? 's' : ''}` : ''}`}
          min={first}
          max={last}
          step={1}
          value={Math.floor(dayOf(date))}
          onChange={(e) => scrubTo(Number(e.target.value))}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        <div className="ticks">
          {events.map((e) => (
            <button
              key={e.date}
              type="button"
              tabIndex={-1}
              className={`tick${e.date <= date ? ' tick-past' : ''}`}
              style={{ left: at(dayOf(e.date)) }}
              aria-label={`${formatDate(e.date)}: ${e.labels.join('; ')}`}
              onMouseEnter={() => setHovered(e)}
              onFocus={() => setHovered(e)}
              onClick={() => scrubTo(dayOf(e.date))}
            />
          ))}
        </div>
        <div className="months" aria-hidden="true">
          {months.map((m) => (
            <span key={m.day} style={{ left: at(m.day) }}>
              {m.label}
            </span>
          ))}
        </div>
        {shown && (
          <div className="tick-label" role="tooltip" style={{ left: `clamp(0px, ${at(dayOf(shown.date))} - 160px, 100% - 340px)` }}>
            <strong>{formatDate(shown.date)}</strong>
            <ul>
              {shown.labels.slice(0, 4).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
              {shown.labels.length > 4 && <li>and {shown.labels.length - 4} more</li>}
            </ul>
          </div>
        )}
      </div>
      <span className="visually-hidden" aria-live="polite">
        {playing ? '' : `Situation as of ${formatDate(date)}`}
      </span>
    </section>
  );
}
