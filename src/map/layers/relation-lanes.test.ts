import { describe, expect, it } from 'vitest';
import { createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { RELATION_TYPES } from '../../scenario/constants.ts';
import { relationArrows, relationHit, relationLines } from './scenario-layers.ts';

// The layers' own expressions, evaluated by MapLibre's style-spec as the map evaluates them.
type Spec = Record<string, unknown>;
function evaluate(expression: unknown, spec: Spec, { lane = 0, type = 'denial', projector = false, selected = false } = {}): unknown {
  const compiled = createExpression(expression, spec as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  return compiled.value.evaluate({ zoom: 4, globalState: { projector } } as never, { type: 'LineString', properties: { lane, type } } as never, { selected });
}
const paint = (l: LineLayerSpecification, key: 'line-offset' | 'line-width') => l.paint![key];
const offset = (l: LineLayerSpecification, o: Parameters<typeof evaluate>[2]) => evaluate(paint(l, 'line-offset'), latest.paint_line['line-offset'], o) as number;
const LANES = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];

describe('relation lanes', () => {
  for (const projector of [false, true]) {
    const theme = projector ? 'projector theme' : 'default theme';

    it(`keep two neighbouring lines apart even when both are highlighted (${theme})`, () => {
      const line = relationLines[0]!;
      const spacing = offset(line, { lane: 1, projector }) - offset(line, { lane: 0, projector });
      for (const [i, type] of RELATION_TYPES.entries()) {
        const width = evaluate(paint(relationLines[i]!, 'line-width'), latest.paint_line['line-width'], { type, projector, selected: true }) as number;
        expect(width, `${type}, highlighted`).toBeLessThanOrEqual(spacing);
      }
    });

    it(`put every layer of a relation on the same lane: lines, hit lines and chevrons (${theme})`, () => {
      const size = evaluate(relationArrows.layout!['icon-size'], latest.layout_symbol['icon-size'], { projector }) as number;
      for (const lane of LANES) {
        const want = offset(relationLines[0]!, { lane, projector });
        expect(want).toBeCloseTo(lane * (offset(relationLines[0]!, { lane: 1, projector }) - offset(relationLines[0]!, { lane: 0, projector })));
        for (const l of [...relationLines, relationHit]) expect(offset(l, { lane, projector }), `${l.id}, lane ${lane}`).toBeCloseTo(want);
        const icon = evaluate((relationArrows as SymbolLayerSpecification).layout!['icon-offset'], latest.layout_symbol['icon-offset'], { lane, projector }) as [number, number];
        // icon-offset is in icon units; the icon's y axis is the line's right-hand side, as line-offset's.
        expect(icon[0]).toBe(0);
        expect(icon[1] * size, `chevron, lane ${lane}`).toBeCloseTo(want);
      }
    });
  }
});
