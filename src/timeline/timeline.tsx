import { memo, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { dayOf, timelineEvents, type TimelineEvent } from '../scenario/derive/time.ts';
import { SPEEDS, type Speed } from '../state/store.ts';
import { useActions, useDate, usePlaying, useScenario, useSpeed, useStoreApi } from '../state/hooks.ts';
import { formatDate } from '../lib/format.ts';
import { prefersReducedMotion } from '../lib/motion.ts';
import { useT, type Lang } from '../i18n/index.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', de: 'de-DE' };
const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "Nov", or "Jan 2025" at a year's start ("Nov." / "Jan. 2025" in German). */
function monthLabel(d: Date, lang: Lang): string {
  const withYear = d.getUTCMonth() === 0;
  const key = `${lang}${withYear}`;
  let f = monthFormats.get(key);
  if (!f) monthFormats.set(key, (f = new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' })));
  return f.format(d);
}

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
      // (A frame's timestamp can precede `previous`, taken as playback started: advance() ignores
      // a step that is not positive.)
      actions.advance(Math.min(0.25, (now - previous) / 1000));
      previous = now;
      if (store.getState().playing) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}

/**
 * A dated event's tick, memoised: during playback the date changes several times a second, and
 * only the tick it passes changes (a scenario can have a tick on most days of its span).
 */
const Tick = memo(function Tick({ event, left, past, onHover, onPick }: { event: TimelineEvent; left: string; past: boolean; onHover: (e: TimelineEvent) => void; onPick: (day: number) => void }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`tick${past ? ' tick-past' : ''}`}
      style={{ left }}
      aria-label={`${formatDate(event.date)}: ${event.labels.join('; ')}`}
      onMouseEnter={() => onHover(event)}
      onFocus={() => onHover(event)}
      onClick={() => onPick(dayOf(event.date))}
    />
  );
});

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
  const [hovered, setHovered] = useState<TimelineEvent | null>(null);
  const [focused, setFocused] = useState(false);
  const { t, i18n } = useT();
  const lang = i18n.language as Lang;
  usePlayback();

  const first = dayOf(scenario.span.start);
  const last = dayOf(scenario.span.end);
  const events = useMemo(
    () =>
      timelineEvents(scenario, (kind, label) => t(kind === 'begins' ? 'tl.begins' : 'tl.position', { label })).filter(
        (e) => e.date >= scenario.span.start && e.date <= scenario.span.end,
      ),
    [scenario, t, lang],
  );
  const months = useMemo(() => {
    const out: Array<{ day: number; label: string }> = [];
    const d = new Date(`${scenario.span.start}T00:00:00Z`);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + 1);
    while (d.getTime() / 86_400_000 <= last) {
      const day = d.getTime() / 86_400_000;
      out.push({ day, label: monthLabel(d, lang) });
      d.setUTCMonth(d.getUTCMonth() + 1);
    }
    return out;
  }, [scenario.span.start, last, lang]);
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
    <section className="timeline" aria-label={t('tl.label')}>
      <div className="timeline-controls">
        <button
          type="button"
          className="play"
          onClick={() => (playing ? pause() : play())}
          aria-label={t(playing ? 'tl.pause' : 'tl.play')}
          title={t(playing ? 'tl.pause' : 'tl.play')}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <label className="speed">
          <span className="visually-hidden">{t('tl.speed')}</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t(`tl.s${s}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="as-of" data-date={date}>
          {t('tl.asOf')} <time dateTime={date}>{formatDate(date)}</time>
        </p>
      </div>
      <div className="track" onMouseLeave={() => setHovered(null)}>
        <input
          type="range"
          aria-label={t('tl.date')}
          aria-valuetext={today ? t('tl.events', { date: formatDate(date), count: today.labels.length }) : formatDate(date)}
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
            <Tick key={e.date} event={e} left={at(dayOf(e.date))} past={e.date <= date} onHover={setHovered} onPick={scrubTo} />
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
              {shown.labels.length > 4 && <li>{t('tl.more', { count: shown.labels.length - 4 })}</li>}
            </ul>
          </div>
        )}
      </div>
      <span className="visually-hidden" aria-live="polite">
        {playing ? '' : `${t('tl.asOf')} ${formatDate(date)}`}
      </span>
    </section>
  );
}
