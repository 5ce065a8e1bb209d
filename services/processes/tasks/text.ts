// Free text from people (comments, names, reasons): trimmed, bounded, no control characters but
// line breaks and tabs. A NUL byte once made a request hang and a workflow retry for ever.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function textProblem(value: string, field: string, max = 2000): { field: string; message: string } | undefined {
  if (value.trim().length === 0) return { field, message: `${field} must not be empty` };
  if (value.length > max) return { field, message: `${field} is longer than ${max} characters` };
  if (CONTROL.test(value)) return { field, message: `${field} contains control characters (such as NUL); remove them` };
  return undefined;
}
