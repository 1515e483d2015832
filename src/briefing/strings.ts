import { addStrings } from '../i18n/index.ts';
import en from './locales/en.json';
import de from './locales/de.json';

// The full briefing strings, merged over the few the start bundle registered for its buttons.
addStrings('briefing', { en, de });
