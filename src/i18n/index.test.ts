// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { addStrings, currentLang, estimatorName, i18n, setLanguage, t, useT } from './index.ts';

afterEach(async () => {
  cleanup();
  await setLanguage('en');
});

describe('UI strings', () => {
  it('looks up dotted keys and fills placeholders', () => {
    expect(t('q.about', { n: '1,500' })).toBe('about 1,500');
    expect(i18n.t('tl.events', { date: '5 Nov', count: 3 })).toBe('5 Nov: 3 events');
  });

  it('picks the plural form by count, in English and in German', async () => {
    expect(t('tl.events', { date: 'x', count: 1 })).toBe('x: 1 event');
    expect(t('tl.events', { date: 'x', count: 0 })).toBe('x: 0 events');
    await setLanguage('de');
    expect(t('tl.events', { date: 'x', count: 1 })).toBe('x: 1 Ereignis');
    expect(t('tl.events', { date: 'x', count: 2 })).toBe('x: 2 Ereignisse');
  });

  it('switches language, and takes another language per call with lng', async () => {
    expect(currentLang()).toBe('en');
    await setLanguage('de');
    expect(currentLang()).toBe('de');
    expect(i18n.language).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(t('q.about', { n: 5 })).toBe('etwa 5');
    expect(t('q.about', { n: 5, lng: 'en' })).toBe('about 5');
  });

  it('falls back to English, then to the default value, then to the key; an unfilled placeholder is empty', async () => {
    addStrings('export', { en: { onlyEn: 'English {{x}}' }, de: {} });
    await setLanguage('de');
    expect(t('onlyEn', { ns: 'export', x: 1 })).toBe('English 1');
    expect(t('onlyEn', { ns: 'export' })).toBe('English ');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('no.such.key', { defaultValue: 'fallback' })).toBe('fallback');
    // A key that names a group of strings, not a string.
    expect(t('q')).toBe('q');
    expect(estimatorName('Pentagon')).toBe('Pentagon');
    expect(estimatorName('Some unit')).toBe('Some unit');
  });

  it("merges a feature's strings over what its namespace holds, nested groups key by key", () => {
    addStrings('briefing', { en: { entry: { present: 'Present' } }, de: { entry: { present: 'Präsentieren' } } });
    addStrings('briefing', { en: { entry: { next: 'Next' }, other: 'Other' }, de: { entry: { next: 'Weiter' }, other: 'Andere' } });
    expect(t('entry.present', { ns: 'briefing' })).toBe('Present');
    expect(t('entry.next', { ns: 'briefing' })).toBe('Next');
    expect(t('other', { ns: 'briefing', lng: 'de' })).toBe('Andere');
  });

  it('gives components a new t, bound to their namespace, when the language changes or strings are added', async () => {
    const { result } = renderHook(() => useT('export'));
    const first = result.current.t;
    act(() => addStrings('export', { en: { hello: 'Hello' }, de: { hello: 'Hallo' } }));
    expect(result.current.t).not.toBe(first);
    expect(result.current.t('hello')).toBe('Hello');
    await act(() => setLanguage('de'));
    expect(result.current.t('hello')).toBe('Hallo');
    expect(result.current.i18n.language).toBe('de');
    // Another namespace given per call wins over the hook's.
    expect(result.current.t('q.about', { ns: 'common', n: 2 })).toBe('etwa 2');
  });
});
