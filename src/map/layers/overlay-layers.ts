import type { CircleLayerSpecification, ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { Overlay } from '../../scenario/overlay-types.ts';

/** Source id of an overlay; its features are promoted by `__sitmapId` for feature-state. */
export const overlaySourceId = (o: Pick<Overlay, 'id'>) => `overlay-${o.id}`;
export const OVERLAY_SOURCE_PREFIX = 'overlay-overlay-';

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const polygons: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const lines: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']]];
const points: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];

/** Fill, outline/line and point layers of one overlay, in its colour. */
export function overlayLayers(o: Overlay, visible: boolean): [FillLayerSpecification, LineLayerSpecification, CircleLayerSpecification] {
  const source = overlaySourceId(o);
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      filter: polygons,
      layout: { visibility },
      paint: { 'fill-color': o.color, 'fill-opacity': ['case', selected, 0.35, hovered, 0.3, 0.18] },
    },
    {
      id: `${source}-line`,
      type: 'line',
      source,
      filter: lines,
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': o.color, 'line-width': ['case', selected, 5, hovered, 4.5, 3] },
    },
    {
      id: `${source}-point`,
      type: 'circle',
      source,
      filter: points,
      layout: { visibility },
      paint: {
        'circle-radius': ['case', selected, 8, hovered, 7.5, 6],
        'circle-color': o.color,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}
