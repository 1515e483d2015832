import { lazy, Suspense, useEffect, useState } from 'react';
import type { ScenarioFile } from '../scenario/schema.ts';
import type { LoadResult } from '../scenario/load.ts';
import { createSitmapStore } from '../state/store.ts';
import { StoreContext, useActions, useNotice, useScenario } from '../state/hooks.ts';
import { parseHash } from '../state/url.ts';
import { MapView } from '../map/map-view.tsx';
import { ActorList, EntityLists } from '../lists/entity-lists.tsx';
import { Legend } from '../legend/legend.tsx';
// The details panel (claim cards, estimate chart) is a chunk of its own, fetched right after the
// first render: the map and lists do not wait for it, and it is there before anyone can click.
const loadDetails = () => import('../details/details-panel.tsx');
const DetailsPanel = lazy(() => loadDetails().then((m) => ({ default: m.DetailsPanel })));
// The audience view's read-only key, fetched with the briefing chunk when presenting starts.
const LegendKey = lazy(() => import('../legend/legend-key.tsx'));
import { Timeline } from '../timeline/timeline.tsx';
import { FileActions } from '../files/file-actions.tsx';
import { ExportEntry } from '../export/export-entry.tsx';

import { ErrorScreen } from './error-screen.tsx';
import { loadStartScenario } from './scenario-source.ts';
import { briefingFromHash, useHashSync } from './use-hash-sync.ts';
import { BriefingButtons, BriefingMount, PresenterRoute, isPresenterWindow } from '../briefing/entry.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { useT } from '../i18n/index.ts';

function hasWebGL2(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

function FrameControls() {
  const scenario = useScenario();
  const { frame } = useActions();
  const { t } = useT();
  return (
    <div className="frames" role="group" aria-label={t('app.frames')}>
      {scenario.frames.map((f) => (
        <button key={f.id} type="button" data-frame={f.id} onClick={() => frame(f.id)}>
          {f.label}
        </button>
      ))}
    </div>
  );
}

function Notice() {
  const notice = useNotice();
  const { dismissNotice } = useActions();
  const { t } = useT();
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      {notice}{' '}
      <button type="button" onClick={dismissNotice}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}

function Shell() {
  const scenario = useScenario();
  const [webgl] = useState(hasWebGL2);
  const { t } = useT();
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <span className="brand">Sitmap</span> <span className="scenario-title">{scenario.title}</span>
        </h1>
        <div className="topbar-actions">
          <FileActions />
          <ExportEntry />
          <BriefingButtons />
          <FrameControls />
          <LanguageSwitch />
        </div>
      </header>
      <div className="main">
        <div className="sidebar">
          <ActorList />
          <Legend />
          <EntityLists />
        </div>
        <div className="stage">
          {webgl ? (
            <MapView />
          ) : (
            <div className="no-webgl" role="alert">
              {t('app.noWebgl')}
            </div>
          )}
          <Suspense fallback={null}>
            <DetailsPanel />
          </Suspense>
          <Notice />
          <BriefingMount legend={<LegendKey />} tools={<ExportEntry />} />
        </div>
      </div>
      <Timeline />
    </div>
  );
}

function ScenarioView({ scenario }: { scenario: ScenarioFile }) {
  const [store] = useState(() => {
    // Briefing mode: `#briefing=kursk&step=3` presents that step (a notice if the link is wrong).
    const briefing = briefingFromHash(scenario, location.hash);
    const s = createSitmapStore(scenario, { ...parseHash(location.hash), presenting: briefing.presenting });
    if (briefing.notice) s.setState({ notice: [s.getState().notice, briefing.notice].filter(Boolean).join(' ') });
    return s;
  });
  useHashSync(store);
  return (
    <StoreContext.Provider value={store}>
      {isPresenterWindow() ? <PresenterRoute /> : <Shell />}
    </StoreContext.Provider>
  );
}

/** Composition root: load and check the scenario, then show it or the list of what is wrong. */
export function App() {
  const [result, setResult] = useState<LoadResult | null>(null);
  const { t } = useT();
  useEffect(() => {
    void loadStartScenario(location).then(setResult);
  }, []);
  if (!result) return <p className="loading">{t('app.loading')}</p>;
  if (!result.ok) return <ErrorScreen problems={result.problems} />;
  return <ScenarioView scenario={result.scenario} />;
}
