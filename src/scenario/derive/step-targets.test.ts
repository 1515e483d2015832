import { describe, expect, it } from 'vitest';
import { minimalScenario } from '../fixtures/minimal.ts';
import { relationFeatures } from './features.ts';
import { stepTargets } from './step-targets.ts';

describe('stepTargets', () => {
  const s = minimalScenario();

  it('names the ends of a relation, with its arc as drawn, run towards each end', () => {
    const targets = stepTargets(s, [{ kind: 'relation', id: 'deploys' }]);
    expect(targets.map((t) => [t.id, t.name, t.color, t.direct])).toEqual([
      ['russia', 'Russia', '#D55E00', false],
      ['north-korea', 'North Korea', '#CC79A7', false],
    ]);
    const drawn = relationFeatures(s).features.find((f) => f.properties.id === 'deploys')!.geometry.coordinates;
    const [russia, nk] = targets;
    expect(russia!.arcs).toEqual([drawn]);
    expect(nk!.arcs).toEqual([[...drawn].reverse()]);
    expect(russia!.at).toEqual([37.61556, 55.75222]);
  });

  it('marks the actors a step names itself, once each, and leaves out what does not exist', () => {
    const targets = stepTargets(s, [
      { kind: 'actor', id: 'north-korea' },
      { kind: 'relation', id: 'deploys' },
      { kind: 'actor', id: 'atlantis' },
      { kind: 'relation', id: 'nope' },
      { kind: 'position', id: 'kursk-region' },
    ]);
    expect(targets.map((t) => [t.id, t.direct, t.arcs.length])).toEqual([
      ['north-korea', true, 1],
      ['russia', false, 1],
    ]);
  });
});
