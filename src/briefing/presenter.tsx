import { useEffect, useState } from 'react';
import './strings.ts';
import './briefing.css';
import { useT } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';
import { useBlank, useBriefingActions, usePresenting, useStoreApi } from '../state/hooks.ts';
import { useBriefings } from './entry.tsx';
import { useStepKeys } from './keys.ts';
import { useBriefingSync } from './sync.ts';
import type { Briefing } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');
function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  return `${h ? `${h}:` : ''}${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * The presenting keys, at the foot of the presenter's screen: what presentation software's
 * presenter view keeps a help screen for, in sight while talking (useStepKeys, keys.ts).
 */
function KeyHints() {
  const { t } = useT('briefing');
  const k = (key: string) => t(`presenter.keys.${key}`);
  const rows: Array<[string[], string]> = [
    [['→', k('space'), k('pageDown')], k('next')],
    [['←', k('pageUp')], k('previous')],
    [[k('home'), k('end')], k('ends')],
    [['3', 'Enter'], k('jump')],
    [['B', 'W'], k('blank')],
    [['Esc'], k('leave')],
  ];
  return (
    <footer className="presenter-keys">
      <h2 className="visually-hidden">{k('label')}</h2>
      <dl>
        {rows.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </footer>
  );
}

function Synced({ briefing }: { briefing: Briefing }) {
  const { t } = useT('briefing');
  const store = useStoreApi();
  const presenting = usePresenting();
  const blank = useBlank();
  const { present, stopPresenting, setBlank, reshow } = useBriefingActions();
  const { startedAt, restartClock } = useBriefingSync(store, briefing.id);
  const now = useNow();
  const count = briefing.steps.length;
  const step = Math.min(presenting?.step ?? 0, count - 1);
  const go = (n: number) => present(briefing.id, n);
  const digits = useStepKeys({ step, count, go, reshow, onEscape: stopPresenting, blank: { on: blank, set: setBlank } });
  useEffect(() => {
    document.title = `${t('presenter.title')} · ${briefing.title}`;
  }, [t, briefing.title]);

  if (!presenting) {
    return (
      <main className="presenter presenter-ended">
        <p>{t('presenter.ended')}</p>
        <button type="button" onClick={() => go(0)}>
          {t('presenter.restart')}
        </button>
      </main>
    );
  }
  const current = briefing.steps[step]!;
  const next = briefing.steps[step + 1];
  return (
    <main className="presenter" data-step={step + 1}>
      <header className="presenter-bar">
        <h1>
          {briefing.title} <span className="presenter-count">{step + 1} / {count}</span>
        </h1>
        <p className="presenter-time">
          <span>
            {t('presenter.elapsed')} <strong className="presenter-elapsed">{duration(now - startedAt)}</strong>
            {/* An icon, as presentation software's: the bar keeps its room for the title. */}
            <button type="button" className="presenter-restart" aria-label={t('presenter.restartClock')} title={t('presenter.restartClock')} onClick={restartClock}>
              <span aria-hidden="true">↺</span>
            </button>
          </span>
          <span>
            {t('presenter.clock')} <strong>{new Date(now).toLocaleTimeString(document.documentElement.lang || 'en', { hour: '2-digit', minute: '2-digit' })}</strong>
          </span>
        </p>
        <div className="presenter-nav">
          <button type="button" className="presenter-prev" disabled={step === 0} onClick={() => go(step - 1)}>
            {t('presenter.previous')}
          </button>
          <button type="button" className="presenter-next" disabled={step === count - 1} onClick={() => go(step + 1)}>
            {t('presenter.nextButton')}
          </button>
          <button
            type="button"
            className="presenter-black"
            aria-pressed={blank === 'black'}
            title={t('presenter.blackButton')}
            onClick={() => setBlank(blank === 'black' ? null : 'black')}
          >
            {t('presenter.blackShort')}
          </button>
        </div>
      </header>
      {blank && (
        <p className={`presenter-blank presenter-blank-${blank}`} role="status">
          {t(`presenter.blank.${blank}`)}
        </p>
      )}
      <div className="presenter-body">
        <section className="presenter-current" aria-label={t('presenter.current')}>
          <h2>
            {t('presenter.current')}: {current.title} <span className="presenter-date">{t('presenter.asOf', { date: formatDate(current.date) })}</span>
          </h2>
          <p>{current.caption}</p>
          <h3>{t('presenter.notes')}</h3>
          <div className="presenter-notes">{current.notes || t('presenter.noNotes')}</div>
        </section>
        <section className="presenter-next-step" aria-label={t('presenter.next')}>
          <h2>{t('presenter.next')}</h2>
          {next ? (
            <>
              <h3>{next.title}</h3>
              <p>{next.caption}</p>
            </>
          ) : (
            <p>{t('presenter.last')}</p>
          )}
        </section>
      </div>
      <KeyHints />
      {digits && (
        <p className="briefing-jump" role="status">
          {t('audience.jump', { n: digits })}
        </p>
      )}
    </main>
  );
}

/**
 * The presenter window (`?presenter=1`): current and next step, speaker notes in large type,
 * elapsed time and the clock, previous/next and the same keys as the audience view; in sync
 * with the audience window both ways (see sync.ts). Works when opened directly by its URL too.
 */
export default function Presenter() {
  const { t } = useT('briefing');
  const presenting = usePresenting();
  const briefings = useBriefings();
  const briefing = briefings.find((b) => b.id === presenting?.briefingId) ?? briefings[0];
  if (!briefing) return <main className="presenter">{t('presenter.unknown')}</main>;
  return <Synced briefing={briefing} />;
}
