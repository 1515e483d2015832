import { i18n } from '../i18n/index.ts';
import en from './locales/en.json';
import de from './locales/de.json';

// The full briefing strings, merged over the few the start bundle registered for its buttons.
for (const [lang, strings] of [['en', en], ['de', de]] as const) i18n.addResourceBundle(lang, 'briefing', strings, true, true);
