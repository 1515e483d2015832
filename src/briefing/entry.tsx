import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { addStrings, useT } from '../i18n/index.ts';
import { useBriefingActions, usePresenting, useScenario, useStoreApi } from '../state/hooks.ts';
import type { Briefing } from './types.ts';

/**
 * The small part of briefing mode in the start bundle: the "Present" and "Copy view as step"
 * buttons, and mount points that load the audience view, the presenter view and the copy dialog
 * on demand (their strings and CSS come with them).
 */
addStrings('briefing', {
  en: { entry: { present: 'Present', presentTitle: 'Present the briefing full screen (→ next, ← previous, Esc leaves)', copyStep: 'Copy view as step', copyStepTitle: 'Copy the current view (camera, date, selection, layers) as briefing step JSON' } },
  de: { entry: { present: 'Präsentieren', presentTitle: 'Das Briefing im Vollbild präsentieren (→ weiter, ← zurück, Esc beendet)', copyStep: 'Ansicht als Schritt kopieren', copyStepTitle: 'Die aktuelle Ansicht (Kamera, Datum, Auswahl, Ebenen) als JSON eines Briefing-Schritts kopieren' } },
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

/** Top-bar buttons: present the scenario's first briefing; copy the current view as step JSON. */
export function BriefingButtons() {
  const { t } = useT('briefing');
  const briefings = useBriefings();
  const presenting = usePresenting();
  const { present } = useBriefingActions();
  const [copying, setCopying] = useState(0);
  if (presenting) return null;
  return (
    <div className="briefing-buttons">
      {briefings.length > 0 && (
        <button
          type="button"
          className="present-button"
          title={t('entry.presentTitle')}
          onClick={() => {
            // Full screen needs the click's user activation: ask now, the audience view loads after.
            document.documentElement.requestFullscreen?.().catch(() => undefined);
            present(briefings[0]!.id, 0);
          }}
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
