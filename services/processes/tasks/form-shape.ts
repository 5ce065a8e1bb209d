import type { TaskForm } from '../../../workflows/human-task/contracts.js';
import type { TaskFormShape } from './types.js';

/** A task form as the API shows it (a field's `required` always said). */
export function formShape(form: TaskForm): TaskFormShape {
  return { outcomes: form.outcomes, fields: form.fields.map((f) => ({ ...f, required: f.required ?? false })) };
}
