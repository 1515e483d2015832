import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizeScenario } from '../scenario/localize.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { RELATION_TYPES, type RelationType } from '../scenario/constants.ts';
import { RELATION_STYLE } from '../ui/palette.ts';
import { citationsFor, claimsInView, fitList, sourcesOf } from './citations.ts';
import { legendItems } from '../ui/legend-items.ts';

const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/scenarios/kursk-2024/scenario.json'), 'utf8')) as ScenarioFile;
const scenario = localizeScenario(file, 'en');
const allTypes = Object.fromEntries(RELATION_TYPES.map((t) => [t, true])) as Record<RelationType, boolean>;
const allLayers = { territories: true, relations: true, movements: true, positions: true, places: true };
const labels = { relation: (t: string) => t, movement: (m: string) => m, reported: 'r', alleged: 'a', area: 'area', actor: 'actor', place: 'place' };

describe('claims and sources of a view', () => {
  it('takes only claims made by the date, of things drawn then', () => {
    const early = claimsInView(scenario, { date: scenario.span.start, layers: allLayers, relationTypes: allTypes, selection: null });
    const late = claimsInView(scenario, { date: scenario.span.end, layers: allLayers, relationTypes: allTypes, selection: null });
    expect(late.length).toBeGreaterThan(early.length);
    const byId = new Map(scenario.claims.map((c) => [c.id, c]));
    for (const id of early) expect(byId.get(id)!.date <= scenario.span.start).toBe(true);
    const none = claimsInView(scenario, { date: scenario.span.end, layers: { ...allLayers, relations: false, movements: false, positions: false }, relationTypes: allTypes, selection: null });
    expect(none).toEqual([]);
  });

  it('lists each source once, most cited first', () => {
    const ids = claimsInView(scenario, { date: scenario.span.end, layers: allLayers, relationTypes: allTypes, selection: null });
    const sources = sourcesOf(scenario, ids);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    expect(sources.length).toBeGreaterThan(2);
  });

  it('fits a list into one line with "and N more"', () => {
    const fits = (s: string) => s.length <= 19;
    expect(fitList(['aaaa', 'bbbb', 'cccc', 'dddd'], fits, (n) => `+${n}`)).toBe('aaaa; bbbb; +2');
    expect(fitList(['aaaa', 'bbbb'], fits, (n) => `+${n}`)).toBe('aaaa; bbbb');
    const cut = fitList(['x'.repeat(40), 'y'], fits, (n) => `+${n}`);
    expect(fits(cut)).toBe(true);
    expect(cut).toMatch(/…; \+1$/);
  });

  it('cites the claims of a step in date order with their sources', () => {
    const step = scenario.briefings?.[0]?.steps.find((s) => (s.claimIds ?? []).length > 0);
    if (!step) return; // the briefing data lands separately
    const cites = citationsFor(scenario, step.claimIds!);
    expect(cites.map((c) => c.claim.id).sort()).toEqual([...new Set(step.claimIds)].sort());
    for (const c of cites) expect(c.sources.length).toBe(c.claim.sourceIds.length);
  });
});

describe('slide legend', () => {
  it('takes colours and dashes from the palette, only for what is drawn', () => {
    const items = legendItems(scenario, { date: scenario.span.end, layers: allLayers, relationTypes: allTypes }, labels);
    const lines = items.filter((i) => i.symbol.kind === 'line' && i.symbol.arrow);
    expect(lines.length).toBeGreaterThan(2);
    for (const i of lines) {
      const style = RELATION_STYLE[i.label as RelationType];
      expect(i.symbol).toMatchObject({ color: style.color, dash: style.dash });
    }
    const off = legendItems(scenario, { date: scenario.span.end, layers: { ...allLayers, relations: false }, relationTypes: allTypes }, labels);
    expect(off.some((i) => i.symbol.kind === 'line' && i.symbol.arrow)).toBe(false);
  });
});

describe('the slide of a presented step', () => {
  it('takes the title and claims of the step being presented', async () => {
    const { presentedStep } = await import('./run.ts');
    const b = scenario.briefings?.[0];
    if (!b) return;
    const found = presentedStep({ presenting: { briefingId: b.id, step: 1 } } as never, scenario);
    expect(found?.step.id).toBe(b.steps[1]!.id);
    expect(presentedStep({ presenting: null } as never, scenario)).toBeNull();
    expect(presentedStep({ presenting: { briefingId: b.id, step: 99 } } as never, scenario)).toBeNull();
  });
});
