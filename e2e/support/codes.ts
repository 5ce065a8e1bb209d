import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * People read names and words, never the codes the API speaks: a finder made by `codeFinder()`
 * lists every piece of text the page shows that looks like an enum code (TRAINING_ENROLLMENT, or a single
 * capitalised word that is a value of one of the schema's enums or of the process catalog, such
 * as DONE) or a UUID. Text inside an element marked `data-details` is left out: that marker is
 * for the admin "details" lines (a run's id, its task queue, a record's id) whose point is the id.
 */

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Two or more capitalised parts joined by underscores: only a code is written so. */
const SNAKE_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const CAPITALISED_WORD = /\b[A-Z][A-Z0-9]+\b/g;

/** Every value of every enum in the committed client schema (`npm run schema` keeps it current). */
function schemaEnumValues(): Set<string> {
  const sdl = readFileSync(fileURLToPath(new URL('../../schema/api.graphql', import.meta.url)), 'utf8');
  const values = new Set<string>();
  for (const [, body] of sdl.matchAll(/^enum \w+[^{]*\{([^}]*)\}/gm))
    for (const line of body.split('\n')) {
      const value = line.replace(/#.*$/, '').trim().split(/\s/)[0];
      if (value && /^[A-Z][A-Z0-9_]*$/.test(value)) values.add(value);
    }
  return values;
}

export interface CodeOnPage {
  /** What looked like a code. */
  code: string;
  /** The text around it, so a failure says where. */
  text: string;
}

export interface CodeFinder {
  (page: Page): Promise<CodeOnPage[]>;
}

/**
 * A finder that also knows the catalog's codes (stages, task kinds, outcomes, fields, roles),
 * which are strings in the schema, not enums: pass them in (e.g. from `processCatalog`).
 */
export function codeFinder(extraCodes: Iterable<string> = []): CodeFinder {
  const known = schemaEnumValues();
  for (const code of extraCodes) known.add(code);
  return async (page) => {
    const texts = await page.evaluate(() => {
      const shown: { value: string; context: string }[] = [];
      const hidden = (element: Element) =>
        !!element.closest('[data-details], script, style, noscript, template') || !element.checkVisibility();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const value = node.textContent?.trim();
        if (!parent || !value || hidden(parent)) continue;
        const context = (parent.textContent ?? value).trim().replace(/\s+/g, ' ').slice(0, 160);
        shown.push({ value, context });
      }
      const fields = document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input:not([type=hidden], [type=radio], [type=checkbox]), textarea',
      );
      for (const field of Array.from(fields))
        if (field.value && !hidden(field)) shown.push({ value: field.value, context: `field: ${field.value}` });
      return shown;
    });
    const found = new Map<string, CodeOnPage>();
    for (const { value, context: text } of texts) {
      const codes = [
        ...(value.match(UUID) ?? []),
        ...(value.match(SNAKE_CODE) ?? []),
        ...(value.match(CAPITALISED_WORD) ?? []).filter((word) => known.has(word)),
      ];
      for (const code of codes) if (!found.has(`${code} ${text}`)) found.set(`${code} ${text}`, { code, text });
    }
    return [...found.values()];
  };
}
