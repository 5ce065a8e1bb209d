import { useQuery } from '@apollo/client/react';
import { createContext, createElement, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { graphql } from '../gql';
import { useLocale, type Bilingual, type Locale } from './i18n';

// Words for the codes every part of the console shows (process types, stages, task kinds,
// outcomes, roles, form fields) come from the hub's process catalog (`processCatalog`), asked
// once per session: a new process shows its own words with no table kept here. A code without
// a word (before the catalog has come, or one it does not know) is shown as it is.

export const PROCESS_CATALOG = graphql(`
  query ShellProcessCatalog {
    processCatalog {
      processes {
        processType
        zh
        en
        stages {
          code
          zh
          en
        }
        taskKinds {
          code
          zh
          en
        }
        outcomes {
          code
          zh
          en
        }
        fields {
          code
          zh
          en
        }
      }
      roles {
        code
        zh
        en
      }
    }
  }
`);

export type WordTable = Record<string, Bilingual>;

export interface CatalogWords {
  processTypes: WordTable;
  /** Every process's stages in one table (a code means the same wherever it appears). */
  stages: WordTable;
  /** The stages each process passes through, in order. */
  stagesOf: Record<string, string[]>;
  taskKinds: Record<string, Bilingual & { processType: string }>;
  outcomes: WordTable;
  fields: WordTable;
  roles: WordTable;
}

const EMPTY: CatalogWords = {
  processTypes: {},
  stages: {},
  stagesOf: {},
  taskKinds: {},
  outcomes: {},
  fields: {},
  roles: {},
};

type Listed = { code: string; zh: string; en: string }[];
const table = (rows: Listed, into: WordTable = {}): WordTable => {
  for (const { code, zh, en } of rows) into[code] ??= { zh, en };
  return into;
};

const CatalogContext = createContext<CatalogWords>(EMPTY);

/** Asks the hub for its catalog once and gives its words to every page below. */
export function CatalogWordsProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(PROCESS_CATALOG, { fetchPolicy: 'cache-first' });
  const words = useMemo<CatalogWords>(() => {
    const catalog = data?.processCatalog;
    if (!catalog) return EMPTY;
    const words: CatalogWords = { ...EMPTY, stages: {}, stagesOf: {}, taskKinds: {}, outcomes: {}, fields: {} };
    words.processTypes = Object.fromEntries(catalog.processes.map((p) => [p.processType, { zh: p.zh, en: p.en }]));
    for (const p of catalog.processes) {
      table(p.stages, words.stages);
      table(p.outcomes, words.outcomes);
      table(p.fields, words.fields);
      words.stagesOf[p.processType] = p.stages.map((s) => s.code);
      for (const k of p.taskKinds) words.taskKinds[k.code] = { zh: k.zh, en: k.en, processType: p.processType };
    }
    words.roles = table(catalog.roles);
    return words;
  }, [data]);
  return createElement(CatalogContext.Provider, { value: words }, children);
}

/** The catalog's words (empty tables until it has come). */
export const useCatalogWords = () => useContext(CatalogContext);

/** A code in words, or the code itself when it has none. */
export function wordFor(table: WordTable, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return table[code]?.[locale] ?? code;
}

/** wordFor in the current locale: `word(words.taskKinds, 'SELF_ASSESSMENT')` is 自评 or Self-assessment. */
export function useWords() {
  const { locale } = useLocale();
  return useCallback((table: WordTable, code: string | null | undefined) => wordFor(table, code, locale), [locale]);
}
