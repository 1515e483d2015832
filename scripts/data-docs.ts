// Generates data/scenario.schema.json (for editor autocompletion, referenced by `$schema` in
// scenario files) and data/README.md (the field reference) from the zod schema's descriptions.
// `npm run data-docs` writes them; scripts/data-docs.test.ts fails when either is stale.
import { z } from 'zod';
import { ScenarioSchema, SCHEMA_VERSION } from '../src/scenario/schema.ts';
import { MAX_SCENARIO_BYTES } from '../src/scenario/limits.ts';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  [k: string]: unknown;
};

/** The JSON Schema of a scenario file, as committed at data/scenario.schema.json. */
export function scenarioJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return { ...schema, $id: 'https://sitmap.invalid/scenario.schema.json', title: `Sitmap scenario (schema version ${SCHEMA_VERSION})` };
}

/** Localised text (src/scenario/schema.ts `LTextSchema`): a string, or an object { en, de }. */
function isLText(s: JsonSchema): boolean {
  const union = s.anyOf ?? s.oneOf;
  return !!union && union.length === 2 && union[0]?.type === 'string' && !!union[1]?.properties?.en && !!union[1]?.properties?.de;
}

function typeOf(s: JsonSchema): string {
  if (isLText(s)) return 'text: string or `{ "en", "de" }`';
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(' or ');
  if (s.type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map(typeOf).join(', ')}]`;
    const item = Array.isArray(s.items) ? s.items[0] : s.items;
    return `list of ${item ? typeOf(item) : 'any'}`;
  }
  if (s.type === 'object') return 'object';
  if (s.type === 'null') return '`null`';
  if (Array.isArray(s.type)) return s.type.join(' or ');
  return s.type ?? 'any';
}

function constraints(s: JsonSchema): string {
  const out: string[] = [];
  if (s.pattern) out.push(`pattern \`${s.pattern}\``);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.minItems) out.push(`at least ${s.minItems}`);
  return out.length ? ` (${out.join(', ')})` : '';
}

/** data/README.md: one table per object in the format, in reading order. */
export function dataReadme(): string {
  const schema = scenarioJsonSchema();
  const sections: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, s: JsonSchema) => {
    const variants = s.anyOf ?? s.oneOf;
    if (variants && variants.every((v) => v.type === 'object')) {
      variants.forEach((v, i) => visit(`${name} (form ${i + 1})`, { ...v, description: v.description ?? s.description }));
      return;
    }
    if (s.type === 'array' && s.items && !Array.isArray(s.items)) return visit(name, s.items);
    if (s.type !== 'object' || !s.properties || seen.has(name)) return;
    seen.add(name);
    const rows = Object.entries(s.properties).map(([key, p]) => {
      const required = s.required?.includes(key) ? 'yes' : 'no';
      const desc = (p.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
      return `| \`${key}\` | ${typeOf(p)}${constraints(p)} | ${required} | ${desc} |`;
    });
    sections.push(`## ${name}\n\n${s.description ?? ''}\n\n| field | type | required | meaning |\n|---|---|---|---|\n${rows.join('\n')}\n`);
    for (const [key, p] of Object.entries(s.properties)) visit(`${name}.${key}`, p);
  };
  visit('Scenario', schema);
  return [
    '# Scenario file format',
    '',
    `Generated from \`src/scenario/schema.ts\` by \`npm run data-docs\`; do not edit by hand (a test fails when it is stale).`,
    `Schema version ${SCHEMA_VERSION}. The JSON Schema for editors is [scenario.schema.json](scenario.schema.json); point a file at it`,
    'with `"$schema": "../../scenario.schema.json"`. Check any file with `npm run check-data <file>`: every problem is',
    'printed with its JSON path, and unknown ids come with the nearest known id.',
    '',
    'Beyond the shape described here, the integrity checks require: ids unique within each list; every',
    'reference to resolve; every claim to have a source; corrected claims to point at claims of the record;',
    'start dates within the span and before end dates; everything drawn to have coordinates; briefing ids and',
    'step ids unique, step dates within the span, what a step selects and highlights to exist and be on the map',
    'on its date, and the claims it cites to have been made by then.',
    '',
    'Text we write (names, roles, labels, statements, notes, corrections, briefing titles, captions and notes) is',
    '*localised*: a plain string (English), or `{ "en": "…", "de": "…" }`. The app shows the UI\'s language and falls',
    'back to English where German is missing; `en` is required. Ids, URLs, dates, numbers, verbatim `quote`s, source',
    '`title`s and `publisher`s, and figure `estimator`s (series keys) are never localised. Export writes both languages.',
    '',
    `Files of an older \`schemaVersion\` are migrated on load. Files over ${MAX_SCENARIO_BYTES / 1048576} MB are refused, with that reason, before they are read.`,
    '',
    ...sections,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = join(import.meta.dirname, '..');
  writeFileSync(join(root, 'data/scenario.schema.json'), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  writeFileSync(join(root, 'data/README.md'), dataReadme());
  console.log('wrote data/scenario.schema.json and data/README.md');
}
