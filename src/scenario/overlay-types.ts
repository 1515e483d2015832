import type { FeatureCollection, Geometry } from 'geojson';

/** An extra layer from a user's file (a front line, control areas…), drawn over the scenario. */
export interface Overlay {
  id: string;
  /** The file name, shown as the layer's name and attribution. */
  name: string;
  /** Features with `properties.__sitmapId` set ("<overlay index>-<feature index>"), so each can be selected. */
  data: FeatureCollection<Geometry>;
  color: string;
}
