import { hasControlCharacters } from '../../../workflows/human-task/form.js';

// Free text from people (comments, names, reasons): not blank, bounded, no control characters
// but line breaks and tabs (the same test as the decision forms').

export function textProblem(value: string, field: string, max = 2000): { field: string; message: string } | undefined {
  if (value.trim().length === 0) return { field, message: `${field} must not be empty` };
  if (value.length > max) return { field, message: `${field} is longer than ${max} characters` };
  if (hasControlCharacters(value))
    return { field, message: `${field} contains control characters (such as NUL); remove them` };
  return undefined;
}
