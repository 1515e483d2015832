import { currentLang, type Lang } from '../i18n/index.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', de: 'de-DE' };
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** "23 Oct 2024" (English) or "23. Okt. 2024" (German) from "2024-10-23", in the current language. */
export function formatDate(iso: string, lang: Lang = currentLang()): string {
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** "12,000" (English) or "12.000" (German). */
export function formatNumber(n: number, lang: Lang = currentLang()): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(LOCALE[lang])));
  return f.format(n);
}
