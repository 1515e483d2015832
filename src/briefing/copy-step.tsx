import { useEffect, useRef, useState } from 'react';
import type { Map as MaplibreMap } from 'maplibre-gl';
import './strings.ts';
import './briefing.css';
import { useT } from '../i18n/index.ts';
import { useStoreApi } from '../state/hooks.ts';
import { LAYER_KINDS, type SitmapState } from '../state/store.ts';
import { RELATION_TYPES } from '../scenario/constants.ts';
import { isoOf } from '../scenario/derive/time.ts';
import type { Step } from './types.ts';
import { measureFreeArea } from '../lib/view-frame.ts';

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0; // + 0 turns -0 into 0
};

/**
 * The point at the middle of the part of the map not under a panel: a step's centre, which
 * presenting puts at the middle of what the audience sees (src/lib/view-frame.ts).
 */
function clearCentre(map: MaplibreMap) {
  const { free } = measureFreeArea(map.getContainer());
  return free.width > 0 && free.height > 0 ? map.unproject([free.x + free.width / 2, free.y + free.height / 2]) : map.getCenter();
}

/**
 * The current view as a briefing step: camera (centre of the part of the map not under a panel,
 * to 5 decimals, about a metre; zoom to 2;
 * bearing and pitch to 1, left out when 0), date, selection, the layer kinds and relation types
 * that are off, an empty highlight and placeholder texts to write.
 */
export function stepFromView(state: SitmapState, map: MaplibreMap | undefined, text: { title: string; caption: string; notes: string }): Step {
  const c = map && clearCentre(map);
  const bearing = round(map?.getBearing() ?? 0, 1);
  const pitch = round(map?.getPitch() ?? 0, 1);
  const layersOff = LAYER_KINDS.filter((k) => !state.layers[k]);
  const typesOff = RELATION_TYPES.filter((r) => !state.relationTypes[r]);
  return {
    id: 'new-step',
    title: text.title,
    caption: text.caption,
    notes: text.notes,
    date: isoOf(state.time),
    camera: {
      center: [round(c?.lng ?? 0, 5), round(c?.lat ?? 0, 5)],
      zoom: round(map?.getZoom() ?? 0, 2),
      ...(bearing ? { bearing } : {}),
      ...(pitch ? { pitch } : {}),
    },
    selection: state.selection && state.selection.kind !== 'overlay' ? state.selection : null,
    ...(layersOff.length ? { layers: Object.fromEntries(layersOff.map((k) => [k, false])) } : {}),
    ...(typesOff.length ? { relationTypes: Object.fromEntries(typesOff.map((r) => [r, false])) } : {}),
    highlight: [],
  };
}

/** Copies the view as step JSON; when the clipboard is refused, shows it selected in a dialog. */
export default function CopyStep({ request }: { request: number }) {
  const { t } = useT('briefing');
  const store = useStoreApi();
  const [fallback, setFallback] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const step = stepFromView(store.getState(), window.__sitmapMap, {
      title: t('copy.placeholderTitle'),
      caption: t('copy.placeholderCaption'),
      notes: t('copy.placeholderNotes'),
    });
    const json = JSON.stringify(step, null, 2);
    let cancelled = false;
    const refused = () => !cancelled && setFallback(json);
    try {
      navigator.clipboard.writeText(json).then(() => {
        if (!cancelled) store.setState({ notice: t('copy.copied') });
      }, refused);
    } catch {
      refused();
    }
    return () => {
      cancelled = true;
    };
  }, [request, store, t]);
  useEffect(() => {
    if (fallback === null) return;
    if (!dialog.current?.open) dialog.current?.showModal?.();
    area.current?.focus();
    area.current?.select();
  }, [fallback]);
  if (fallback === null) return null;
  return (
    <dialog ref={dialog} className="copy-step-dialog" aria-label={t('copy.dialogTitle')} onClose={() => setFallback(null)}>
      <h2>{t('copy.dialogTitle')}</h2>
      <p>{t('copy.dialogHint')}</p>
      <textarea ref={area} readOnly value={fallback} rows={18} cols={60} className="copy-step-json" />
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('copy.close')}
      </button>
    </dialog>
  );
}
