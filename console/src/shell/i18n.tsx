import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

// Chinese first, English on a switch. Each part of the console keeps its own messages next to
// its pages (defineMessages), so the dictionaries grow with the pages and never drift apart:
// the English side must name every key the Chinese side has, or it does not type-check.
export type Locale = 'zh' | 'en';
const STORAGE_KEY = 'console.locale';

export interface MessageBundle<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(
  zh: Record<K, string>,
  en: Record<NoInfer<K>, string>,
): MessageBundle<K> {
  return { zh, en };
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh', setLocale: () => undefined });

const htmlLang = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en');

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  const locale = stored === 'en' || stored === 'zh' ? stored : 'zh';
  // index.html says zh-CN; a reader who chose English last time must hear English from the start.
  document.documentElement.lang = htmlLang(locale);
  return locale;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = htmlLang(next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

/** t(key, { name: 'x' }) fills {name} in the current locale's message. */
export function useT<K extends string>(bundle: MessageBundle<K>) {
  const { locale } = useLocale();
  return useCallback(
    (key: K, values: Record<string, string | number> = {}) =>
      bundle[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      ),
    [bundle, locale],
  );
}

/** A text that comes in both languages from the server or a table of labels. */
export type Bilingual = { zh: string; en: string };
export function useBilingual() {
  const { locale } = useLocale();
  return useCallback((text: Bilingual | undefined) => (text ? text[locale] : ''), [locale]);
}
