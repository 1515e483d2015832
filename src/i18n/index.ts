import { useMemo, useSyncExternalStore } from 'react';
import enCommon from './locales/en/common.json';

/**
 * UI strings in English and German (`useT` for components, `t` elsewhere). One JSON file per
 * feature namespace and language under ./locales; English is the fallback and the only language
 * in the start bundle: other languages are loaded on demand (`setLanguage`), and the briefing
 * and export features register their own namespaces when they load, so neither costs every start.
 *
 * Strings are nested objects looked up by dotted key ("notice.unknown"), with `{{name}}`
 * placeholders and plural forms chosen by `count` (`key_one`, `key_other`: Intl.PluralRules).
 * That is all this app used of i18next, which was 49 KB of the start bundle's 363 KB of JS (gzip
 * budget 120 KB, issue 6); rosetta, the smallest well-known alternative, has the lookup and the
 * placeholders but no plurals, fallback language or namespaces, which would still be written here.
 *
 * The language comes from `?lang=de` in the URL (a query parameter: it survives hash changes and
 * is part of a shared link), else English. Scenario text is localised separately
 * (src/scenario/localize.ts) from `{ en, de }` fields.
 */
export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (x: unknown): x is Lang => LANGS.includes(x as Lang);
export type Namespace = 'common' | 'briefing' | 'export';

export function langFromUrl(search = typeof location === 'undefined' ? '' : location.search): Lang {
  const q = new URLSearchParams(search).get('lang');
  return isLang(q) ? q : 'en';
}

type Strings = { [key: string]: string | Strings };
const strings: Record<Lang, Partial<Record<Namespace, Strings>>> = { en: { common: enCommon }, de: {} };
let language: Lang = 'en';

/** Bumped whenever what `t` returns may change: another language, or strings added. */
let version = 0;
const listeners = new Set<() => void>();
const changed = () => {
  version++;
  for (const l of listeners) l();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Options of `t`: the placeholders' values, and `count` (a placeholder too) picks the plural form. */
export interface TOptions {
  count?: number;
  /** Another language than the UI's. */
  lng?: string;
  ns?: Namespace;
  /** What a key with no string in either language gives, instead of the key itself. */
  defaultValue?: string;
  [placeholder: string]: unknown;
}

const plurals: Partial<Record<Lang, Intl.PluralRules>> = {};
const lookup = (lang: Lang, ns: Namespace, key: string): string | undefined => {
  let node: string | Strings | undefined = strings[lang][ns];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

/**
 * The string at `key` in the UI's language (or `lng`), else in English, else `defaultValue`, else
 * the key; with `count`, its plural form first. Placeholders without a value become empty.
 */
export function t(key: string, options: TOptions = {}): string {
  const { count, ns = 'common' } = options;
  const find = (lang: Lang) =>
    (typeof count === 'number' ? lookup(lang, ns, `${key}_${(plurals[lang] ??= new Intl.PluralRules(lang)).select(count)}`) : undefined) ??
    lookup(lang, ns, key);
  const lang = isLang(options.lng) ? options.lng : language;
  const text = find(lang) ?? (lang === 'en' ? undefined : find('en'));
  return (text ?? options.defaultValue ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ''));
}

/** Copies `from` into `into`, nested objects merged key by key. */
function merge(into: Strings, from: Strings): Strings {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    into[k] = typeof v === 'object' && typeof here === 'object' ? merge(here, v) : v;
  }
  return into;
}

/**
 * Registers a feature's strings for every language (called by lazily loaded features), merged
 * over what the namespace already holds (the few strings a feature's start-bundle button needs).
 */
export function addStrings(ns: Namespace, byLang: Record<Lang, object>): void {
  for (const lang of LANGS) strings[lang][ns] = merge(strings[lang][ns] ?? {}, byLang[lang] as Strings);
  changed();
}

const commonOf: Record<Lang, () => Promise<{ default: object }>> = {
  en: async () => ({ default: enCommon }),
  de: () => import('./locales/de/common.json'),
};

/** Loads a language's strings (once) and switches to it; components using `useT` re-render. */
export async function setLanguage(lang: Lang): Promise<void> {
  strings[lang].common ??= (await commonOf[lang]()).default as Strings;
  language = lang;
  changed();
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** The language UI text and formats use now. */
export const currentLang = (): Lang => language;
export const i18n = {
  get language(): Lang {
    return language;
  },
  t,
};
/** An estimator's name (a key in the data, e.g. "NIS") in language `lng` (default: the UI's), or the key itself. */
export const estimatorName = (key: string, lng?: string): string => t(`est.${key}`, { lng, defaultValue: key });

/**
 * Strings of a namespace for a component: `const { t } = useT('briefing')`. The component
 * re-renders when the language changes or strings are added, with a new `t` (so memos that
 * depend on it recompute).
 */
export function useT(ns: Namespace = 'common') {
  const v = useSyncExternalStore(subscribe, () => version);
  // v: a new t whenever strings change
  return useMemo(() => ({ t: (key: string, options?: TOptions) => t(key, { ns, ...options }), i18n }), [ns, v]);
}
