/**
 * What a legend of the current view lists: shared by the exported slide (src/export/slide.ts), which
 * draws it on a canvas, and the audience view's key (src/legend/legend-key.tsx), which draws it as
 * SVG. Pure: scenario and view in, items out.
 */
import { RELATION_TYPES, type RelationType } from '../scenario/constants.ts';
import type { Scenario } from '../scenario/schema.ts';
import { holdsOn } from '../scenario/derive/time.ts';
import { BASE, MOVEMENT_DASH, RELATION_STYLE } from './palette.ts';

/** One symbol of a legend of what the map draws. */
export type LegendSymbol =
  | { kind: 'line'; color: string; dash: number[] | null; width: number; arrow: boolean }
  | { kind: 'dot'; fill: string; stroke: string; strokeWidth: number; radius: number }
  | { kind: 'area'; color: string };
export interface LegendItem {
  symbol: LegendSymbol;
  label: string;
}

/** Labels the legend needs, in the current language. */
export interface LegendLabels {
  relation: (t: RelationType) => string;
  movement: (mode: string) => string;
  reported: string;
  alleged: string;
  area: string;
  actor: string;
  place: string;
}

/** The labels from the UI strings (`rel.<type>`, `lg.<mode>`, `lg.reported`, …), given a translate function for them. */
export function legendLabels(t: (key: string) => string): LegendLabels {
  return {
    relation: (type) => t(`rel.${type}`),
    movement: (mode) => t(`lg.${mode}`),
    reported: t('lg.reported'),
    alleged: t('lg.alleged'),
    area: t('lg.area'),
    actor: t('lg.actor'),
    place: t('lg.place'),
  };
}

/**
 * The legend of what the view draws on its date: relation types shown and holding, movement modes
 * begun, troop markers, actors, places. Colours and dash patterns come from the palette the map
 * layers use (src/ui/palette.ts), so the slide cannot drift from the map.
 */
export function legendItems(
  scenario: Scenario,
  view: { date: string; layers: { relations: boolean; movements: boolean; positions: boolean; places: boolean }; relationTypes: Record<RelationType, boolean> },
  labels: LegendLabels,
): LegendItem[] {
  const items: LegendItem[] = [];
  if (view.layers.relations) {
    for (const t of RELATION_TYPES) {
      if (!view.relationTypes[t] || !scenario.relations.some((r) => r.type === t && holdsOn(view.date, r.start, r.end))) continue;
      const s = RELATION_STYLE[t];
      items.push({ symbol: { kind: 'line', color: s.color, dash: s.dash, width: s.width, arrow: true }, label: labels.relation(t) });
    }
  }
  const begun = scenario.movements.filter((m) => m.start <= view.date);
  const colourOf = (actorId: string | undefined) => scenario.actors.find((a) => a.id === actorId)?.color ?? BASE.muted;
  const mover = colourOf(begun[0]?.actorId ?? scenario.movements[0]?.actorId);
  if (view.layers.movements) {
    for (const [mode, dash] of Object.entries(MOVEMENT_DASH)) {
      if (begun.some((m) => m.mode === mode)) items.push({ symbol: { kind: 'line', color: mover, dash, width: 3, arrow: false }, label: labels.movement(mode) });
    }
  }
  if (view.layers.positions) {
    const held = scenario.positions.filter((p) => holdsOn(view.date, p.start, p.end));
    const posColour = colourOf(held[0]?.actorId) ?? mover;
    if (held.some((p) => p.status === 'reported'))
      items.push({ symbol: { kind: 'dot', fill: posColour, stroke: BASE.text, strokeWidth: 1.5, radius: 9 }, label: labels.reported });
    if (held.some((p) => p.status === 'alleged'))
      items.push({ symbol: { kind: 'dot', fill: '#ffffff', stroke: posColour, strokeWidth: 3.5, radius: 8 }, label: labels.alleged });
    if (held.some((p) => p.location.kind === 'area')) items.push({ symbol: { kind: 'area', color: posColour }, label: labels.area });
  }
  items.push({ symbol: { kind: 'dot', fill: '#bbbbbb', stroke: BASE.text, strokeWidth: 2.5, radius: 10 }, label: labels.actor });
  if (view.layers.places) items.push({ symbol: { kind: 'dot', fill: BASE.muted, stroke: '#ffffff', strokeWidth: 2, radius: 5 }, label: labels.place });
  return items;
}
