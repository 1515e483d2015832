import i18next from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import enCommon from './locales/en/common.json';

/**
 * UI strings in English and German with i18next (`useT` for components). One JSON file per
 * feature namespace and language under ./locales; English is the fallback and the only language
 * in the start bundle: other languages are loaded on demand (`setLanguage`), and the briefing
 * feature registers its own namespace when it loads, so neither costs every start.
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

void i18next.init({
  resources: { en: { common: enCommon } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGS],
  ns: ['common'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

const commonOf: Record<Lang, () => Promise<{ default: object }>> = {
  en: async () => ({ default: enCommon }),
  de: () => import('./locales/de/common.json'),
};

/** Loads a language's strings (once) and switches to it; components using `useT` re-render. */
export async function setLanguage(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'common')) i18next.addResourceBundle(lang, 'common', (await commonOf[lang]()).default);
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Registers a feature's strings for every language (called by lazily loaded features). */
export function addStrings(ns: Namespace, byLang: Record<Lang, object>): void {
  for (const lang of LANGS) if (!i18next.hasResourceBundle(lang, ns)) i18next.addResourceBundle(lang, ns, byLang[lang]);
}

export const i18n = i18next;
/** The language UI text and formats use now. */
/** An estimator's name (a key in the data, e.g. "NIS") in language `lng` (default: the UI's), or the key itself. */
export const estimatorName = (key: string, lng?: string): string => i18next.t(`est.${key}`, { lng, defaultValue: key });
export const currentLang = (): Lang => (isLang(i18next.language) ? i18next.language : 'en');

/** Bumped whenever what `t` returns may change: another language, or strings added. */
let version = 0;
const listeners = new Set<() => void>();
const bump = () => {
  version++;
  for (const l of listeners) l();
};
i18next.on('languageChanged', bump);
i18next.store.on('added', bump);
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * Strings of a namespace for a component: `const { t } = useT('briefing')`. The component
 * re-renders when the language changes or strings are added, with a new `t` (so memos that
 * depend on it recompute). In place of react-i18next's `useTranslation`, which was all this app
 * used of it: the same in a dozen lines, and 2 KB less in the start bundle (its budget is 120 KB).
 */
export function useT(ns: Namespace = 'common') {
  const v = useSyncExternalStore(subscribe, () => version);
  return useMemo(() => ({ t: i18next.getFixedT(null, ns), i18n: i18next }), [ns, v]); // v: a new t whenever strings change
}
