import type { LText, Resolved, Scenario, ScenarioFile } from './schema.ts';

/** Languages scenario text can be written in (the same as the UI's, src/i18n). */
export type TextLang = 'en' | 'de';

const isLocalized = (v: object): v is { en: string; de?: string } => {
  if (typeof (v as { en?: unknown }).en !== 'string') return false;
  for (const k of Object.keys(v)) if (k !== 'en' && k !== 'de') return false;
  return true;
};

/** One localised text in a language: German falls back to English. */
export function localizeText(text: LText, lang: TextLang): string {
  if (typeof text === 'string') return text;
  return (lang === 'de' ? text.de : undefined) ?? text.en;
}

function resolve(v: unknown, lang: TextLang): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => resolve(x, lang));
  if (isLocalized(v)) return localizeText(v, lang);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = resolve(x, lang);
  return out;
}

/** Resolves every localised text of any value (e.g. a briefing) to one language. Pure. */
export function localizeValue<T>(value: T, lang: TextLang): Resolved<T> {
  return resolve(value, lang) as Resolved<T>;
}

const cache = new WeakMap<object, Partial<Record<TextLang, Scenario>>>();

/**
 * The scenario with every localised text (`{ en, de }`) resolved to `lang`, German falling back
 * to English. Pure, and memoised per (file object, language): the same file and language give
 * the same object, so derived data keyed on the scenario (WeakMaps, React memos) stays valid.
 * The file itself is never changed; export writes it, with both languages.
 */
export function localizeScenario(file: ScenarioFile, lang: TextLang): Scenario {
  let byLang = cache.get(file);
  if (!byLang) cache.set(file, (byLang = {}));
  return (byLang[lang] ??= localizeValue(file, lang));
}
