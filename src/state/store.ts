import { createStore, type StoreApi } from 'zustand/vanilla';
import { RELATION_TYPES, type RelationType, type Scenario } from '../scenario/schema.ts';
import { entityExists, type EntityRef } from '../scenario/derive/details.ts';

export const LAYER_KINDS = ['territories', 'relations', 'movements', 'positions', 'places'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export interface SitmapState {
  scenario: Scenario;
  selection: EntityRef | null;
  /** Entity under the pointer or keyboard focus, highlighted on the map. */
  hovered: EntityRef | null;
  layers: Record<LayerKind, boolean>;
  /** Relation types shown while the relations layer is on. */
  relationTypes: Record<RelationType, boolean>;
  /** A request to frame the camera on a named frame; `seq` makes repeated requests distinct. */
  frameRequest: { frameId: string; seq: number } | null;
  /** A message for the user, e.g. a shared link naming something this scenario lacks. */
  notice: string | null;
  actions: {
    select: (ref: EntityRef | null) => void;
    hover: (ref: EntityRef | null) => void;
    toggleLayer: (kind: LayerKind) => void;
    toggleRelationType: (type: RelationType) => void;
    frame: (frameId: string) => void;
    dismissNotice: () => void;
  };
}

export type SitmapStore = StoreApi<SitmapState>;

/**
 * One store per loaded scenario. Selection requests for things the scenario lacks (e.g. a link
 * with `#actor=atlantis`) leave the selection unchanged and say so in `notice`.
 */
export function createSitmapStore(scenario: Scenario, initial: { selection?: EntityRef | null } = {}): SitmapStore {
  const unknown = (ref: EntityRef) => `This scenario has no ${ref.kind} '${ref.id}'.`;
  const start = initial.selection ?? null;
  const startValid = start === null || entityExists(scenario, start);
  return createStore<SitmapState>()((set, get) => ({
    scenario,
    selection: startValid ? start : null,
    hovered: null,
    layers: { territories: true, relations: true, movements: true, positions: true, places: true },
    relationTypes: Object.fromEntries(RELATION_TYPES.map((t) => [t, true])) as Record<RelationType, boolean>,
    frameRequest: null,
    notice: startValid || !start ? null : unknown(start),
    actions: {
      select: (ref) => {
        if (ref && !entityExists(get().scenario, ref)) {
          set({ notice: unknown(ref) });
          return;
        }
        set({ selection: ref });
      },
      hover: (ref) => {
        const h = get().hovered;
        if (h?.kind === ref?.kind && h?.id === ref?.id) return;
        set({ hovered: ref });
      },
      toggleLayer: (kind) => set((s) => ({ layers: { ...s.layers, [kind]: !s.layers[kind] } })),
      toggleRelationType: (type) => set((s) => ({ relationTypes: { ...s.relationTypes, [type]: !s.relationTypes[type] } })),
      frame: (frameId) => set((s) => ({ frameRequest: { frameId, seq: (s.frameRequest?.seq ?? 0) + 1 } })),
      dismissNotice: () => set({ notice: null }),
    },
  }));
}
