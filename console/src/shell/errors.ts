import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useBilingual, type Bilingual } from './i18n';

// What the hub said, for a person: its message and code (extensions.code), and for a form the
// field it names (the hub puts `field` / `fields` in extensions of BAD_USER_INPUT errors).
export interface HubProblem {
  code: string;
  message: string;
  /** Field name -> message, when the error is about named fields. */
  fields: Record<string, string>;
}

export function hubProblem(error: unknown): HubProblem | undefined {
  if (!error) return undefined;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const e of error.errors) {
      const ext = (e.extensions ?? {}) as Record<string, unknown>;
      if (typeof ext.field === 'string') fields[ext.field] = e.message;
      if (ext.fields && typeof ext.fields === 'object') {
        for (const [name, message] of Object.entries(ext.fields as Record<string, unknown>))
          fields[name] = String(message);
      }
    }
    const code = typeof extensions.code === 'string' ? extensions.code : 'ERROR';
    return { code, message: first?.message ?? error.message, fields };
  }
  if (ServerError.is(error)) return { code: `HTTP_${error.statusCode}`, message: error.message, fields: {} };
  return {
    code: 'NETWORK_ERROR',
    message: error instanceof Error ? error.message : 'The hub could not be reached',
    fields: {},
  };
}

// What kind of problem it was, in words (a message says `（{code}）`; people read these, not codes).
const PROBLEM_WORDS: Record<string, Bilingual> = {
  BAD_USER_INPUT: { zh: '输入有误', en: 'invalid input' },
  FORBIDDEN: { zh: '无权限', en: 'not allowed' },
  UNAUTHENTICATED: { zh: '未登录', en: 'not signed in' },
  NOT_FOUND: { zh: '未找到', en: 'not found' },
  CONFLICT: { zh: '与当前状态冲突', en: 'conflict' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁', en: 'too many requests' },
  NETWORK_ERROR: { zh: '无法连接', en: 'cannot connect' },
};

/** A problem's code in words: the known kinds by name, an HTTP status by its number, else "error". */
export function problemWord(code: string): Bilingual {
  const http = /^HTTP_(\d+)$/.exec(code);
  if (http) return { zh: `HTTP ${http[1]}`, en: `HTTP ${http[1]}` };
  return PROBLEM_WORDS[code] ?? { zh: '出错', en: 'error' };
}

/** A problem's code as people read it, in the language chosen (for messages that say `（{code}）`). */
export function useProblemWord(): (code: string) => string {
  const text = useBilingual();
  return (code) => text(problemWord(code));
}
