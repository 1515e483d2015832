import { RELATION_TYPES } from '../scenario/constants.ts';
import { RELATION_STYLE, MOVEMENT_DASH } from '../ui/palette.ts';
import { LAYER_KINDS } from '../state/store.ts';
import { useActions, useLayers, useOverlayVisible, useOverlays, useRelationTypes, useScenario } from '../state/hooks.ts';
import { useT } from '../i18n/index.ts';
import { LineSample } from '../ui/line-sample.tsx';

/** Legend of every symbol on the map; each layer kind and each relation type can be switched off. */
export function Legend() {
  const layers = useLayers();
  const relationTypes = useRelationTypes();
  const { toggleLayer, toggleRelationType, toggleOverlay, removeOverlay } = useActions();
  const overlays = useOverlays();
  const overlayVisible = useOverlayVisible();
  const scenario = useScenario();
  const { t } = useT();
  const mover = scenario.actors.find((a) => a.id === scenario.movements[0]?.actorId)?.color ?? '#5b6570';
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('lg.title')}</h2>
      <fieldset className="toggles">
        <legend className="visually-hidden">{t('lg.show')}</legend>
        {LAYER_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={layers[k]} onChange={() => toggleLayer(k)} /> {t(`layer.${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="legend-items" disabled={!layers.relations}>
        <legend className="legend-sub">{t('lg.types')}</legend>
        {RELATION_TYPES.map((type) => (
          <label key={type} className="legend-row">
            <input type="checkbox" checked={relationTypes[type]} onChange={() => toggleRelationType(type)} />
            <LineSample {...RELATION_STYLE[type]} /> {t(`rel.${type}`)}
          </label>
        ))}
      </fieldset>
      {overlays.length > 0 && (
        <fieldset className="legend-items overlays">
          <legend className="legend-sub">{t('lg.overlays')}</legend>
          {overlays.map((o) => (
            <div key={o.id} className="legend-row overlay-row">
              <label>
                <input type="checkbox" checked={overlayVisible[o.id] ?? true} onChange={() => toggleOverlay(o.id)} />
                <svg width="44" height="16" aria-hidden="true">
                  <rect x="4" y="2" width="36" height="12" fill={o.color} fillOpacity="0.25" stroke={o.color} strokeWidth="2" />
                </svg>
                <span className="overlay-name">{o.name}</span>
              </label>
              <button type="button" className="remove" aria-label={t('lg.remove', { name: o.name })} onClick={() => removeOverlay(o.id)}>
                ×
              </button>
            </div>
          ))}
        </fieldset>
      )}
      <ul className="legend-items">
        {Object.entries(MOVEMENT_DASH).map(([mode, dash]) => (
          <li key={mode} className="legend-row">
            <LineSample color={mover} dash={dash} width={3} /> {t(`lg.${mode}`)}
          </li>
        ))}
        <li className="legend-row">
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="6" fill={mover} stroke="#1d232a" strokeWidth="1.5" /></svg> {t('lg.reported')}
        </li>
        <li className="legend-row">
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="5.5" fill="#fff" stroke={mover} strokeWidth="3" /></svg> {t('lg.alleged')}
        </li>
        <li className="legend-row">
          <svg width="44" height="16" aria-hidden="true"><rect x="4" y="2" width="36" height="12" fill={mover} fillOpacity="0.18" stroke={mover} strokeDasharray="4 3" strokeWidth="1.5" /></svg> {t('lg.area')}
        </li>
        <li className="legend-row">
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="6" fill="#bbb" stroke="#1d232a" strokeWidth="2" /></svg> {t('lg.actor')}
        </li>
        <li className="legend-row">
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="3.5" fill="#5b6570" stroke="#fff" strokeWidth="1.5" /></svg> {t('lg.place')}
        </li>
      </ul>
    </section>
  );
}
