import { useEffect, useRef, useState } from 'react';
import type { DataProblem } from '../scenario/problems.ts';
import { MAX_SCENARIO_BYTES } from '../scenario/limits.ts';
import { validateScenarioText } from '../scenario/validate.ts';
import { serializeScenario } from '../scenario/serialize.ts';
import { useActions, useOverlays, useScenarioFile, useStoreApi } from '../state/hooks.ts';
import { useT } from '../i18n/index.ts';

/** Decides from name and first characters whether a file is an overlay or a scenario. */
export function fileKind(name: string, head: string): 'overlay' | 'scenario' {
  if (/\.(kml|geojson)$/i.test(name) || /^\s*</.test(head)) return 'overlay';
  if (/"schemaVersion"\s*:/.test(head)) return 'scenario';
  if (/"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head)) return 'overlay';
  return 'scenario';
}

function ProblemsDialog({ file, problems, onClose }: { file: string; problems: DataProblem[]; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const { t } = useT();
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="problems-dialog"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="problems-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id="problems-title">{t('f.failed', { file })}</h2>
      <p>{t('f.problems', { count: problems.length })}</p>
      <ol className="problem-list">
        {problems.slice(0, 200).map((p, i) => (
          <li key={i}>
            <code className="problem-path">{p.path}</code> <span className="problem-message">{p.message}</span>
          </li>
        ))}
        {problems.length > 200 && <li>{t('tl.more', { count: problems.length - 200 })}</li>}
      </ol>
      <button type="button" ref={closeRef} onClick={onClose}>
        {t('f.close')}
      </button>
    </div>
  );
}

/**
 * Open or drop a scenario (.json) or an overlay (.geojson, .kml), and export the scenario shown.
 * A scenario is checked in a worker and replaces the one on screen only when it is valid.
 */
export function FileActions() {
  // The file as loaded (both languages), not the scenario resolved for display: export writes it back unchanged.
  const scenario = useScenarioFile();
  const overlays = useOverlays();
  const store = useStoreApi();
  const { addOverlay, replaceScenario } = useActions();
  const inputRef = useRef<HTMLInputElement>(null);
  // Overlay numbers are taken before any await, so files opened together get distinct ids.
  const nextOverlay = useRef(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ file: string; problems: DataProblem[] } | null>(null);
  const [dragging, setDragging] = useState(false);
  const { t } = useT();

  const open = async (file: File) => {
    if (file.size > MAX_SCENARIO_BYTES) {
      const message = `is ${(file.size / 1048576).toFixed(1)} MB; files are limited to ${MAX_SCENARIO_BYTES / 1048576} MB`;
      setFailed({ file: file.name, problems: [{ file: file.name, path: '$', message }] });
      return;
    }
    const taken = store.getState().overlays.map((o) => Number(o.id.replace('overlay-', '')));
    const index = Math.max(nextOverlay.current, taken.length ? Math.max(...taken) + 1 : 0);
    nextOverlay.current = index + 1;
    setBusy(file.name);
    try {
      const text = await file.text();
      if (fileKind(file.name, text.slice(0, 4000)) === 'overlay') {
        // KML parsing (togeojson) loads only when an overlay is opened.
        const { parseOverlay } = await import('./overlay.ts');
        const r = parseOverlay(text, file.name, index);
        if (r.ok) addOverlay(r.overlay);
        else setFailed({ file: file.name, problems: r.problems });
      } else {
        const r = await validateScenarioText(text, file.name);
        if (r.ok) replaceScenario(r.scenario);
        else setFailed({ file: file.name, problems: r.problems });
      }
    } catch (e) {
      setFailed({ file: file.name, problems: [{ file: file.name, path: '$', message: `could not be read: ${(e as Error).message}` }] });
    } finally {
      setBusy(null);
    }
  };

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      for (const f of e.dataTransfer.files) void open(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  const exportScenario = () => {
    const url = URL.createObjectURL(new Blob([serializeScenario(scenario)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${scenario.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="file-actions">
      <button type="button" onClick={() => inputRef.current?.click()} title={t('f.openTitle')}>
        {t('f.open')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,.geojson,.kml,application/json,application/geo+json,application/vnd.google-earth.kml+xml"
        multiple
        hidden
        aria-label={t('f.openLabel')}
        onChange={(e) => {
          for (const f of e.target.files ?? []) void open(f);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={exportScenario} title={t('f.exportTitle')}>
        {t('f.export')}
      </button>
      {busy && (
        <span className="busy" role="status">
          {t('f.checking', { file: busy })}
        </span>
      )}
      {dragging && <div className="drop-hint">{t('f.drop')}</div>}
      {failed && <ProblemsDialog file={failed.file} problems={failed.problems} onClose={() => setFailed(null)} />}
      <span className="visually-hidden" aria-live="polite">
        {overlays.length ? t('f.overlays', { count: overlays.length }) : ''}
      </span>
    </div>
  );
}
