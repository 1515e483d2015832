import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { addStrings, useT } from '../i18n/index.ts';
import { useScenario, useStoreApi } from '../state/hooks.ts';
import type { Briefing } from '../scenario/schema.ts';
import { Handout } from './handout.tsx';
import { NoMapError, download, renderHandout, renderSlide, type HandoutPage, type Progress } from './run.ts';
import en from './locales/en.json';
import de from './locales/de.json';
import './export.css';

// The entry button registered only its own label; the rest of the strings come with this chunk.
addStrings('export', { en, de });

type Busy = { kind: 'slide' } | { kind: 'handout'; progress: Progress | null };

function ProgressOverlay({ busy, onCancel }: { busy: Busy; onCancel: (() => void) | null }) {
  const { t } = useT('export');
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const p = busy.kind === 'handout' ? busy.progress : null;
  const text =
    busy.kind === 'slide' ? t('renderingSlide') : p?.phase === 'restoring' ? t('restoring') : t('renderingStep', { n: p?.n ?? 1, total: p?.total ?? 1 });
  return createPortal(
    <div className="export-progress" role="dialog" aria-modal="true" aria-labelledby="export-progress-text">
      <div className="box">
        <p id="export-progress-text" role="status">
          {text}
        </p>
        {p?.phase === 'step' ? <progress max={p.total} value={p.n - 1} aria-labelledby="export-progress-text" /> : <progress aria-labelledby="export-progress-text" />}
        {onCancel && (
          <div>
            <button type="button" ref={cancelRef} onClick={onCancel}>
              {t('cancel')}
            </button>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}

/** The menu behind the "Slide & handout" button: save a slide PNG of the view, or print a briefing handout. */
export default function ExportMenu({ onClose }: { onClose: () => void }) {
  const { t } = useT('export');
  const scenario = useScenario();
  const store = useStoreApi();
  const briefings = scenario.briefings ?? [];
  const [briefingId, setBriefingId] = useState(briefings[0]?.id ?? '');
  const [notes, setNotes] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [status, setStatus] = useState('');
  const [handout, setHandout] = useState<{ briefing: Briefing; pages: HandoutPage[]; notes: boolean } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const fail = (e: unknown) => setStatus(e instanceof NoMapError ? e.message : t('failed', { message: e instanceof Error ? e.message : String(e) }));

  const saveSlide = async () => {
    setStatus('');
    setBusy({ kind: 'slide' });
    try {
      const { blob, filename } = await renderSlide(store);
      download(blob, filename);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const printHandout = async () => {
    const briefing = briefings.find((b) => b.id === briefingId);
    if (!briefing) return;
    setStatus('');
    setHandout(null);
    const abort = new AbortController();
    abortRef.current = abort;
    setBusy({ kind: 'handout', progress: null });
    try {
      const pages = await renderHandout(store, briefing, {
        signal: abort.signal,
        onProgress: (progress) => setBusy({ kind: 'handout', progress }),
      });
      if (abort.signal.aborted) {
        for (const p of pages) URL.revokeObjectURL(p.image);
        setStatus(t('cancelled'));
        return;
      }
      setHandout({ briefing, pages, notes });
    } catch (e) {
      fail(e);
    } finally {
      abortRef.current = null;
      setBusy(null);
    }
  };

  // Once the handout is laid out: print it, then drop it (a later Ctrl+P prints the app again).
  const onHandoutReady = () => {
    const h = handout;
    if (!h) return;
    const done = () => {
      for (const p of h.pages) URL.revokeObjectURL(p.image);
      setHandout((cur) => (cur === h ? null : cur));
    };
    window.addEventListener('afterprint', done, { once: true });
    document.documentElement.dataset.handoutReady = String(h.pages.length);
    window.print();
  };
  useEffect(() => () => void delete document.documentElement.dataset.handoutReady, []);
  useEffect(() => {
    if (!handout) delete document.documentElement.dataset.handoutReady;
  }, [handout]);

  return (
    <>
      <div
        className="export-menu"
        role="dialog"
        aria-labelledby="export-menu-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="export-menu-title">{t('title')}</h2>
        <button type="button" className="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
        <section>
          <button type="button" className="export-action" ref={firstRef} disabled={!!busy} onClick={() => void saveSlide()}>
            {t('slide')}
          </button>
          <p className="hint">{t('slideHint')}</p>
        </section>
        <section>
          {briefings.length === 0 ? (
            <p className="hint">{t('noBriefing')}</p>
          ) : (
            <>
              {briefings.length > 1 && (
                <label>
                  {t('briefing')}
                  <select value={briefingId} onChange={(e) => setBriefingId(e.target.value)}>
                    {briefings.map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label>
                <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} /> {t('notes')}
              </label>
              <button type="button" className="export-action" disabled={!!busy} onClick={() => void printHandout()}>
                {t('handout')}
              </button>
              <p className="hint">{t('handoutHint')}</p>
            </>
          )}
        </section>
        {status && (
          <p className="export-status" role="status">
            {status}
          </p>
        )}
      </div>
      {busy && <ProgressOverlay busy={busy} onCancel={busy.kind === 'handout' ? () => abortRef.current?.abort() : null} />}
      {handout && <Handout scenario={scenario} briefing={handout.briefing} pages={handout.pages} notes={handout.notes} onReady={onHandoutReady} />}
    </>
  );
}
