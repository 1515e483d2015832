import type { Map as MaplibreMap } from 'maplibre-gl';
import { actorLabels, placeLabels, positionLabels } from './layers/scenario-layers.ts';
import { editable } from './editable.ts';

/** The map's name labels: the layers whose side of their marker MapLibre chooses (a variable anchor). */
const LABEL_LAYER_IDS = [actorLabels.id, positionLabels.id, placeLabels.id];

/** What of MapLibre's style this reaches into (see `showAfresh`): its cross-tile symbol index. */
interface SymbolIndexInternals {
  style?: { crossTileSymbolIndex?: { layerIndexes?: Record<string, unknown> } };
}

/**
 * A briefing step's labels placed as if the map had just opened at the step's view, whatever
 * step came before, and hidden while the step's camera moves there.
 *
 * Why: MapLibre tries each label first on the side it had in the frame before (so that labels do
 * not jump while the user pans), and only then in the order the layer gives. A step's names
 * therefore depended on the steps shown before it: going back to the opening step at 1280×720
 * put Ukraine's name below-left of its marker, under NATO's, which then had none; going forward,
 * both were named on their own side. A presenter rehearses going forward and answers a question by
 * going back, so the same step must look the same either way.
 *
 * MapLibre has no public call to forget the sides (mapbox-gl-js#8397 asked for the same). The
 * sides are kept per symbol id in its cross-tile symbol index; dropping a layer's index there
 * makes MapLibre give that layer's symbols new ids on its next frame, and a placement with no
 * sides before (then a fade-in, as for any new label). If a MapLibre version lacks that index this
 * does nothing and labels keep their sides, as before; the browser test of reaching a step forward,
 * backward and by link fails then.
 *
 * `hide()` takes the names off at once (text-opacity 0, no transition), so they do not slide about
 * during the flight; `showAfresh()` forgets their sides and shows them again. Both skip a style
 * that cannot be changed (a lost WebGL context): the style rebuilt after it shows every label.
 */
export function freshLabels(map: MaplibreMap, ids: readonly string[] = LABEL_LAYER_IDS) {
  let hidden = false;
  const present = () => (editable(map) ? ids.filter((id) => map.getLayer(id)) : []);
  /** Shows them again without forgetting their sides (a step left before its camera settled). */
  const show = () => {
    if (!hidden) return;
    hidden = false;
    for (const id of present()) map.setPaintProperty(id, 'text-opacity', undefined);
  };
  return {
    hide() {
      if (hidden) return;
      hidden = true;
      for (const id of present()) {
        map.setPaintProperty(id, 'text-opacity-transition' as 'text-opacity', { duration: 0, delay: 0 } as never);
        map.setPaintProperty(id, 'text-opacity', 0);
      }
    },
    showAfresh() {
      const indexes = (map as unknown as SymbolIndexInternals).style?.crossTileSymbolIndex?.layerIndexes;
      if (indexes) for (const id of present()) delete indexes[id];
      show();
      map.triggerRepaint();
    },
    show,
  };
}
