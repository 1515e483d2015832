import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadScenarioText } from './load.ts';
import { ScenarioSchema } from './schema.ts';
import { localizeScenario, localizeText } from './localize.ts';
import { entityExists } from './derive/details.ts';
import { visibleIds } from './derive/time.ts';

const text = readFileSync(join(import.meta.dirname, '../../data/scenarios/kursk-2024/scenario.json'), 'utf8');
const r = loadScenarioText(text, 'kursk');
if (!r.ok) throw new Error('the Kursk scenario is invalid');
const file = r.scenario;
const en = localizeScenario(file, 'en');

/** Sentences in a text: a full stop after a digit is a German ordinal ("5. November"), not an end. */
const sentences = (s: string) => s.split(/(?<=[^\d\s][.!?][\u201d\u201c"]?)\s+(?=[A-ZÄÖÜ\u201e"'])/).length;

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A field typed as localised text: a union of a string and an object { en, de }. */
function isLText(s: z.ZodType): boolean {
  const def = defOf(s);
  return def.type === 'union' && (def.options as z.ZodType[]).some((o) => {
    const d = defOf(o);
    return d.type === 'object' && Object.keys(d.shape as object).sort().join() === 'de,en';
  });
}

/** Every value in `value` at a position the schema types as localised text, with its path. */
function localisedFields(schema: z.ZodType, value: unknown, path = '$', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (value === undefined || value === null) return out;
  if (isLText(schema)) {
    out.push([path, value]);
    return out;
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return localisedFields(def.innerType as z.ZodType, value, path, out);
    case 'pipe':
      return localisedFields(def.in as z.ZodType, value, path, out);
    case 'object':
      for (const [k, s] of Object.entries(def.shape as Record<string, z.ZodType>)) localisedFields(s, (value as Record<string, unknown>)[k], `${path}.${k}`, out);
      return out;
    case 'array':
      (value as unknown[]).forEach((v, i) => localisedFields(def.element as z.ZodType, v, `${path}[${i}]`, out));
      return out;
    case 'union': {
      const option = (def.options as z.ZodType[]).find((o) => o.safeParse(value).success);
      return option ? localisedFields(option, value, path, out) : out;
    }
    default:
      return out;
  }
}

describe('the Kursk scenario in English and German', () => {
  const fields = localisedFields(ScenarioSchema, file);

  it('finds the localised fields by walking the schema', () => {
    expect(fields.length).toBeGreaterThan(300);
    expect(fields.map(([p]) => p)).toEqual(expect.arrayContaining(['$.title', '$.actors[0].name', '$.claims[0].figure.unit', '$.places[9].coordSource.note', '$.briefings[0].steps[0].notes']));
  });

  it('writes every localised text as { en, de }, both filled', () => {
    const plain = fields.filter(([, v]) => typeof v !== 'object' || !(v as { de?: string }).de?.trim() || !(v as { en?: string }).en?.trim());
    expect(plain.map(([p]) => p)).toEqual([]);
  });

  it('uses German exonyms for places and keeps ids, quotes and URLs as they are', () => {
    const de = localizeScenario(file, 'de');
    const name = (id: string) => de.places.find((p) => p.id === id)?.name;
    expect([name('vladivostok'), name('khabarovsk'), name('moscow'), name('pyongyang')]).toEqual(['Wladiwostok', 'Chabarowsk', 'Moskau', 'Pjöngjang']);
    expect(de.claims.map((c) => c.quote)).toEqual(en.claims.map((c) => c.quote));
    expect(de.sources.map((s) => [s.url, s.title, s.publisher])).toEqual(en.sources.map((s) => [s.url, s.title, s.publisher]));
  });
});

describe('the Kursk briefing', () => {
  const briefing = en.briefings?.find((b) => b.id === 'kursk');

  it('has 6 to 10 steps with distinct ids', () => {
    expect(briefing).toBeDefined();
    expect(briefing!.steps.length).toBeGreaterThanOrEqual(6);
    expect(briefing!.steps.length).toBeLessThanOrEqual(10);
    expect(new Set(briefing!.steps.map((s) => s.id)).size).toBe(briefing!.steps.length);
  });

  it('tells the story in order: deployment, who said what, China, the route, Kursk, first clashes, what is disputed', () => {
    const ids = briefing!.steps.map((s) => s.id);
    expect(ids).toEqual(['deployment', 'who-confirmed', 'article-errors', 'china', 'sea-route', 'airlift-west', 'kursk-arrival', 'first-clashes', 'disputed']);
    expect(briefing!.steps.find((s) => s.id === 'first-clashes')!.date).toBe('2024-11-05');
  });

  it.each(en.briefings?.[0]?.steps.map((s) => [s.id, s] as const) ?? [])('step %s: date in the span, everything it names exists and shows on its date', (_, step) => {
    expect(step.date >= en.span.start && step.date <= en.span.end).toBe(true);
    const visible = visibleIds(en, step.date);
    // Shown on its date, and not switched off by the step's own layer or relation-type toggles.
    const layerOn = (kind: 'relations' | 'positions' | 'movements' | 'places') => step.layers?.[kind] !== false;
    const shown = (ref: { kind: string; id: string }) => {
      if (ref.kind === 'relation') {
        const type = en.relations.find((r) => r.id === ref.id)?.type;
        return visible.relations.includes(ref.id) && layerOn('relations') && !!type && step.relationTypes?.[type] !== false;
      }
      if (ref.kind === 'position') return visible.positions.includes(ref.id) && layerOn('positions');
      if (ref.kind === 'movement') return visible.movements.includes(ref.id) && layerOn('movements');
      if (ref.kind === 'place') return layerOn('places');
      return true; // actors are always on the map
    };
    const refs = [...(step.selection ? [step.selection] : []), ...(step.highlight ?? [])];
    for (const ref of refs) {
      expect(entityExists(en, ref), `${ref.kind} ${ref.id}`).toBe(true);
      expect(shown(ref), `${ref.kind} ${ref.id} on ${step.date}`).toBe(true);
    }
    expect(step.claimIds?.length).toBeGreaterThan(0);
    for (const id of step.claimIds ?? []) {
      const claim = en.claims.find((c) => c.id === id);
      expect(claim, id).toBeDefined();
      expect(claim!.date <= step.date, `${id} (${claim!.date}) is said by ${step.date}`).toBe(true);
    }
  });

  it.each(file.briefings?.[0]?.steps.map((s) => [s.id, s] as const) ?? [])('step %s: a caption of one or two sentences and notes of two to four, in both languages', (_, step) => {
    for (const lang of ['en', 'de'] as const) {
      const caption = localizeText(step.caption, lang);
      const notes = localizeText(step.notes, lang);
      expect(sentences(caption), `${lang} caption: ${caption}`).toBeLessThanOrEqual(2);
      expect(sentences(notes), `${lang} notes: ${notes}`).toBeGreaterThanOrEqual(2);
      expect(sentences(notes), `${lang} notes: ${notes}`).toBeLessThanOrEqual(4);
    }
  });

  it.each(en.briefings?.[0]?.steps.map((s) => [s.id, s] as const) ?? [])('step %s: the camera frames what it selects and highlights (on a 1280×720 screen)', (_, step) => {
    const { center, zoom } = step.camera;
    const world = 512 * 2 ** zoom;
    const x = (lng: number) => ((lng + 180) / 360) * world;
    const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
    const inView = ([lng, lat]: [number, number]) => Math.abs(x(lng) - x(center[0])) <= 640 && Math.abs(y(lat) - y(center[1])) <= 360;
    const at = (placeId: string) => en.places.find((p) => p.id === placeId)?.lngLat ?? null;
    const pointsOf = (ref: { kind: string; id: string }): Array<string> => {
      if (ref.kind === 'actor') return [en.actors.find((a) => a.id === ref.id)!.capitalPlaceId];
      if (ref.kind === 'place') return [ref.id];
      if (ref.kind === 'movement') {
        const path = en.movements.find((m) => m.id === ref.id)!.path;
        return [path[0]!, path[path.length - 1]!];
      }
      if (ref.kind === 'position') {
        const loc = en.positions.find((p) => p.id === ref.id)!.location;
        return loc.kind === 'place' ? [loc.placeId] : loc.placeIds;
      }
      return []; // relations are arcs between capitals, often across the continent: not required in view
    };
    for (const ref of [...(step.selection ? [step.selection] : []), ...(step.highlight ?? [])]) {
      for (const id of pointsOf(ref)) {
        const p = at(id);
        if (p) expect(inView(p), `${ref.kind} ${ref.id}: ${id} ${JSON.stringify(p)} in view of ${JSON.stringify(step.camera)}`).toBe(true);
      }
    }
  });

  it('cites, where the seed article is wrong, the corrected claim together with the record', () => {
    const step = briefing!.steps.find((s) => s.id === 'article-errors')!;
    const cited = new Set(step.claimIds);
    const corrected = en.claims.filter((c) => cited.has(c.id) && c.status === 'corrected');
    expect(corrected.length).toBeGreaterThanOrEqual(3);
    for (const c of corrected) expect(c.correctedBy!.some((id) => cited.has(id)), c.id).toBe(true);
  });
});
