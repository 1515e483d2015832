import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataReadme, scenarioJsonSchema } from './data-docs.ts';

const root = join(import.meta.dirname, '..');

describe('generated data docs', () => {
  it('data/scenario.schema.json is up to date (run `npm run data-docs`)', () => {
    expect(readFileSync(join(root, 'data/scenario.schema.json'), 'utf8')).toBe(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  });
  it('data/README.md is up to date (run `npm run data-docs`)', () => {
    expect(readFileSync(join(root, 'data/README.md'), 'utf8')).toBe(dataReadme());
  });
  it('documents every field of every object', () => {
    const md = dataReadme();
    for (const field of ['`schemaVersion`', '`correctedBy`', '`estimator`', '`bufferKm`', '`coordSource`', '`geonameId`']) expect(md).toContain(field);
    expect(md).not.toMatch(/\| yes \|  \|/); // no field without a description
  });
  it('the scenario files point at it', () => {
    const s = JSON.parse(readFileSync(join(root, 'data/scenarios/kursk-2024/scenario.json'), 'utf8'));
    expect(s.$schema).toBe('../../scenario.schema.json');
  });
});
