import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

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
