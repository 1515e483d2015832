/**
 * Briefing steps as the app sees them once the scenario is resolved to the current language
 * (the agreed contract; src/scenario/schema.ts validates the raw file). Kept structural so the
 * briefing feature works with the schema's inferred types and with test fixtures alike.
 */
import type { RelationType } from '../scenario/constants.ts';
import type { EntityRef } from '../scenario/derive/details.ts';
import type { LayerKind } from '../state/store.ts';

export interface StepCamera {
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
}

export interface Step {
  id: string;
  title: string;
  caption: string;
  notes: string;
  date: string;
  camera: StepCamera;
  selection?: EntityRef | null;
  layers?: Partial<Record<LayerKind, boolean>>;
  relationTypes?: Partial<Record<RelationType, boolean>>;
  highlight?: EntityRef[];
  claimIds?: string[];
}

export interface Briefing {
  id: string;
  title: string;
  steps: Step[];
}
