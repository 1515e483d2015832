import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './strings.ts';
import './briefing.css';
import { useT } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';
import { useBlank, useReshown, useBriefingActions, useDate, usePresenting, useProjector, useStoreApi } from '../state/hooks.ts';
import { applyStep } from '../state/apply-step.ts';
import { useBriefings } from './entry.tsx';
import { useStepKeys } from './keys.ts';
import { usePointerRest } from './pointer-rest.ts';
import { useDenseWhenFull } from './dense-when-full.ts';
import { useBriefingSync } from './sync.ts';

/** The presenter window's address: this app with `?presenter=1`, the same language and step. */
export function presenterUrl(loc: Location = location): string {
  const params = new URLSearchParams(loc.search);
  params.set('presenter', '1');
  return `${loc.pathname}?${params.toString()}${loc.hash}`;
}

/**
 * The audience view: the map full screen (Fullscreen API when allowed, else the whole window),
 * the step's title and caption, progress, legend and "as of" date, over a map that each step
 * sets absolutely (the camera flies between steps, instantly under reduced motion). `tools`:
 * more buttons for the dimmed tool strip (the app passes the slide and handout menu).
 */
export default function Audience({ legend, tools }: { legend: ReactNode; tools?: ReactNode }) {
  const { t } = useT('briefing');
  const store = useStoreApi();
  const presenting = usePresenting()!;
  const projector = useProjector();
  const date = useDate();
  const blank = useBlank();
  const reshown = useReshown();
  const { present, stopPresenting, setProjector, setBlank, reshow } = useBriefingActions();
  const briefing = useBriefings().find((b) => b.id === presenting.briefingId);
  const briefingRef = useRef(briefing);
  briefingRef.current = briefing;
  const count = briefing?.steps.length ?? 0;
  const step = Math.min(presenting.step, Math.max(0, count - 1));
  const legendRef = useDenseWhenFull();
  useBriefingSync(store, presenting.briefingId);

  // Each step is shown absolutely; the first one (a link, or "Present") without a flight. Asked
  // for again (its number and Enter: `reshown`), the step on screen is shown afresh the same way.
  const shown = useRef(false);
  // The step the map has reached and drawn (1-based), for tests and export: `data-settled`.
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    const s = briefingRef.current?.steps[step];
    if (!s) return;
    let current = true;
    setSettled(0);
    void applyStep(s, { store, animate: shown.current }).then(() => current && setSettled(step + 1));
    shown.current = true;
    return () => {
      current = false;
    };
  }, [store, step, presenting.briefingId, reshown]);

  useEffect(() => {
    if (!briefing) stopPresenting();
  }, [briefing, stopPresenting]);

  // Page classes: hide the editing chrome, apply the projector theme.
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('sitmap-presenting');
    return () => root.classList.remove('sitmap-presenting');
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('sitmap-projector', projector);
    return () => document.documentElement.classList.remove('sitmap-projector');
  }, [projector]);

  // Leaving full screen (Esc is taken by the browser there) leaves presenting; leaving presenting
  // leaves full screen.
  useEffect(() => {
    let wasFull = !!document.fullscreenElement;
    const onChange = () => {
      if (wasFull && !document.fullscreenElement) stopPresenting();
      wasFull = !!document.fullscreenElement;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [stopPresenting]);

  const go = (n: number) => present(presenting.briefingId, n);
  const digits = useStepKeys({ step, count, go, reshow, onEscape: stopPresenting, blank: { on: blank, set: setBlank } });
  const resting = usePointerRest();
  if (!briefing || !count) return null;
  const current = briefing.steps[step]!;

  return (
      <div className={`briefing-audience${resting ? ' resting' : ''}`} data-settled={settled || undefined} role="region" aria-label={t('audience.region', { title: briefing.title })}>
      <div className="briefing-tools">
        <button type="button" className="presenter-button" onClick={() => window.open(presenterUrl(), `sitmap-presenter-${briefing.id}`, 'popup,width=1200,height=800')}>
          {t('audience.presenterView')}
        </button>
        <label className="projector-toggle">
          <input type="checkbox" checked={projector} onChange={(e) => setProjector(e.target.checked)} /> {t('audience.projector')}
        </label>
        {tools}
        <button type="button" className="exit-button" onClick={stopPresenting}>
          {t('audience.exit')}
        </button>
      </div>
      <p className="briefing-asof" data-date={date} data-covers-map="date" data-hides-labels>
        {t('audience.asOf', { date: formatDate(date) })}
      </p>
      {/* The caption at the bottom, the legend above it taking what height is left (scrolling only
          when even that is too little): a column, so they never overlap whatever the caption's length. */}
      <div className="briefing-left">
        <section className="briefing-caption" aria-live="polite" data-step={step + 1} data-covers-map="caption" data-hides-labels>
          <p className="briefing-count">
            <span aria-hidden="true">
              {step + 1} / {count}
            </span>
            <span className="visually-hidden">{t('audience.progress', { n: step + 1, count })}</span>
            <span className="briefing-dots" aria-hidden="true">
              {briefing.steps.map((s, i) => (
                <span key={s.id} className={`dot${i === step ? ' dot-current' : i < step ? ' dot-past' : ''}`} />
              ))}
            </span>
          </p>
          <h2>{current.title}</h2>
          <p className="briefing-text">{current.caption}</p>
        </section>
        {/* The legend's slot, not the legend, is what the map's framing keeps clear: a fixed width
            and the height left above the caption, so a key that grows or shrinks as the map moves
            (it lists what is in view) does not move the framing, and a step looks the same
            however it is reached. */}
        <div className="briefing-legend-slot" data-covers-map="legend">
          <aside className="briefing-legend" aria-label={t('audience.legend')} ref={legendRef} data-hides-labels>
            {legend}
          </aside>
        </div>
      </div>
      {digits && (
        <p className="briefing-jump" role="status">
          {t('audience.jump', { n: digits })}
        </p>
      )}
      {/* B / W: the whole screen black or white, over everything (a portal: the audience view's
          own layer sits under notices); a click, or a step key, brings the picture back. */}
      {blank &&
        createPortal(
          <div className={`briefing-blank briefing-blank-${blank}`} data-blank={blank} role="status" aria-label={t(`audience.blank.${blank}`)} onClick={() => setBlank(null)} />,
          document.body,
        )}
    </div>
  );
}
