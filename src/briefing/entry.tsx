import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { addStrings, useT } from '../i18n/index.ts';
import { useBriefingActions, usePresenting, useScenario, useStoreApi } from '../state/hooks.ts';
import type { Briefing } from './types.ts';

/**
 * The small part of briefing mode in the start bundle: the "Present" and "Copy view as step"
 * buttons, and mount points that load the audience view, the presenter view and the copy dialog
 * on demand (their strings and CSS come with them).
 */
addStrings('briefing', {
  en: { entry: { present: 'Present', presentTitle: 'Present the briefing full screen (F5; → next, ← previous, Esc leaves; Shift+F5 goes on from the step left)', copyStep: 'Copy view as step', copyStepTitle: 'Copy the current view (camera, date, selection, layers) as briefing step JSON' } },
  de: { entry: { present: 'Präsentieren', presentTitle: 'Das Briefing im Vollbild präsentieren (F5; → weiter, ← zurück, Esc beendet; Umschalt+F5 setzt beim zuletzt gezeigten Schritt fort)', copyStep: 'Ansicht als Schritt kopieren', copyStepTitle: 'Die aktuelle Ansicht (Kamera, Datum, Auswahl, Ebenen) als JSON eines Briefing-Schritts kopieren' } },
});

const Audience = lazy(() => import('./audience.tsx'));
const Presenter = lazy(() => import('./presenter.tsx'));
const CopyStep = lazy(() => import('./copy-step.tsx'));

/** The scenario's briefings (resolved to the current language). */
export function useBriefings(): Briefing[] {
  return ((useScenario() as { briefings?: Briefing[] }).briefings ?? []) as Briefing[];
}

/** Whether this window is the presenter view (`?presenter=1`). */
export const isPresenterWindow = (search = location.search) => new URLSearchParams(search).get('presenter') === '1';

/** Present from `step`: full screen needs a click's or key's user activation, so it is asked first. */
function start(present: (briefingId: string, step: number) => void, briefingId: string, step: number) {
  document.documentElement.requestFullscreen?.().catch(() => undefined);
  present(briefingId, step);
}

/**
 * F5 starts presenting the first briefing from its first step, Shift+F5 from the step last shown,
 * as in presentation software: a clicker's "start slideshow" button sends F5 (and Esc, the next
 * press, which leaves). Without this a press reloaded the page. Ctrl+F5 still reloads; while
 * presenting the presenting keys take F5 (keys.ts).
 */
function useStartKey(briefings: Briefing[], present: (briefingId: string, step: number) => void) {
  const presenting = usePresenting();
  const last = useRef<{ briefingId: string; step: number } | null>(null);
  useEffect(() => {
    if (presenting) last.current = presenting;
  }, [presenting]);
  const state = useRef({ briefings, present, presenting });
  state.current = { briefings, present, presenting };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F5' || e.altKey || e.ctrlKey || e.metaKey) return;
      const { briefings, present, presenting } = state.current;
      const first = briefings[0];
      if (presenting || !first) return;
      // A dialog (the export menu) keeps its keys.
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"]')) return;
      e.preventDefault();
      const resume = e.shiftKey ? last.current : null;
      const briefing = briefings.find((b) => b.id === resume?.briefingId);
      if (resume && briefing) start(present, briefing.id, Math.min(resume.step, briefing.steps.length - 1));
      else start(present, first.id, 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Top-bar buttons: present the scenario's first briefing; copy the current view as step JSON. */
export function BriefingButtons() {
  const { t } = useT('briefing');
  const briefings = useBriefings();
  const presenting = usePresenting();
  const { present } = useBriefingActions();
  const [copying, setCopying] = useState(0);
  useStartKey(briefings, present);
  if (presenting) return null;
  return (
    <div className="briefing-buttons">
      {briefings.length > 0 && (
        <button
          type="button"
          className="present-button"
          title={t('entry.presentTitle')}
          onClick={() => start(present, briefings[0]!.id, 0)}
        >
          {t('entry.present')}
        </button>
      )}
      {/* An authoring aid, not for the audience: a small icon button, named for screen readers. */}
      <button type="button" className="copy-step-button" aria-label={t('entry.copyStep')} title={t('entry.copyStepTitle')} onClick={() => setCopying((n) => n + 1)}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M3 10.5V3.5A1.5 1.5 0 0 1 4.5 2h6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      {copying > 0 && (
        <Suspense fallback={null}>
          <CopyStep request={copying} />
        </Suspense>
      )}
    </div>
  );
}

/** While presenting: the audience view over the map (legend passed in by the composition root). */
export function BriefingMount({ legend, tools }: { legend: ReactNode; tools?: ReactNode }) {
  const presenting = usePresenting();
  if (!presenting) return null;
  return (
    <Suspense fallback={null}>
      <Audience legend={legend} tools={tools} />
    </Suspense>
  );
}

/** The presenter window's whole page. */
export function PresenterRoute() {
  const store = useStoreApi();
  // Opened without a step in the link: present the first briefing from its first step.
  const briefings = useBriefings();
  useEffect(() => {
    const s = store.getState();
    if (!s.presenting && briefings[0]) s.briefingActions.present(briefings[0].id, 0);
  }, [store, briefings]);
  return (
    <Suspense fallback={null}>
      <Presenter />
    </Suspense>
  );
}
