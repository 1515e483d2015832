import { LANGS, isLang, setLanguage, useT, type Lang } from '../i18n/index.ts';

/**
 * Puts the language into the address as `?lang=de` (none for English), keeping the other query
 * parameters and the hash; replaces the history entry, so Back does not step through languages.
 */
export function urlWithLang(href: string, lang: Lang): string {
  const url = new URL(href);
  if (lang === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  return url.href;
}

/** English / Deutsch in the top bar: switches the UI and scenario texts and writes `?lang=` into the URL. */
export function LanguageSwitch() {
  const { t, i18n } = useT();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={lang}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLang(next)) return;
          history.replaceState(history.state, '', urlWithLang(location.href, next));
          void setLanguage(next);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
