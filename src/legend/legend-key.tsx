import { collectionInView, legendItems, legendLabels } from '../ui/legend-items.ts';
import { useDate, useLayers, useOverlayVisible, useOverlays, useRelationTypes, useScenario, useViewBounds } from '../state/hooks.ts';
import { useT } from '../i18n/index.ts';
import { SymbolSample } from '../ui/symbol-sample.tsx';

/**
 * The key of what the map draws now, read-only: the audience view's legend while presenting. The
 * same items as the exported slide's legend (src/ui/legend-items.ts: relation types shown and
 * holding on the date, movement modes begun, troop markers, actors, places), of those only what
 * reaches into the part of the world in view (the store's `viewBounds`, after each map move), plus
 * the overlays shown that have a feature in view. No toggles: a projected screen carries no controls, and each briefing step sets its
 * layers itself. (Loaded with the audience view, not at start.)
 */
export default function LegendKey() {
  const scenario = useScenario();
  const date = useDate();
  const layers = useLayers();
  const relationTypes = useRelationTypes();
  const overlays = useOverlays();
  const overlayVisible = useOverlayVisible();
  const bounds = useViewBounds();
  const { t } = useT();
  const items = legendItems(scenario, { date, layers, relationTypes, bounds }, legendLabels(t));
  const shownOverlays = overlays.filter((o) => (overlayVisible[o.id] ?? true) && (!bounds || collectionInView(bounds, o.data)));
  return (
    <section className="legend legend-key" aria-labelledby="legend-key-heading">
      <h2 id="legend-key-heading">{t('lg.key')}</h2>
      <ul className="legend-items">
        {items.map((item) => (
          <li key={item.label} className="legend-row">
            <SymbolSample symbol={item.symbol} /> {item.label}
          </li>
        ))}
        {shownOverlays.map((o) => (
          <li key={o.id} className="legend-row">
            <SymbolSample symbol={{ kind: 'area', color: o.color }} /> <span className="overlay-name">{o.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
