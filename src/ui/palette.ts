import type { RelationType } from '../scenario/schema.ts';

/**
 * Relation styles: each type has its own colour (Paul Tol's colour-blind-safe "bright"/"vibrant"
 * sets) and its own line pattern, so types stay apart without colour too (greyscale print,
 * projectors, colour-vision deficiency). Their names are UI strings: `rel.<type>` in the locales.
 */
export const RELATION_STYLE: Record<RelationType, { color: string; dash: number[] | null; width: number }> = {
  pressure: { color: '#0077BB', dash: [3, 1.5], width: 3 },
  alliance: { color: '#009988', dash: null, width: 4 },
  'military-support': { color: '#EE7733', dash: [1.5, 1], width: 3 },
  'troop-deployment': { color: '#CC3311', dash: null, width: 4.5 },
  'armed-conflict': { color: '#222222', dash: null, width: 4.5 },
  confirmation: { color: '#33BBEE', dash: [0.5, 1.5], width: 2.5 },
  denial: { color: '#888888', dash: [4, 2], width: 2.5 },
};

export const MOVEMENT_DASH: Record<string, number[] | null> = {
  sea: [2.5, 1.2],
  air: [0.6, 1.6],
  land: null,
};

export const BASE = {
  water: '#dfe7ec',
  land: '#f6f4ef',
  border: '#b9b5ad',
  coast: '#c3ccd2',
  text: '#1d232a',
  halo: '#ffffff',
  muted: '#5b6570',
};
