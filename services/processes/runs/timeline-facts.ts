import type { ProcessCatalog } from '../kit/process-catalog.js';
import type { ProcessDefinition } from '../kit/process-definition.js';
import type { TimelineWords, Words } from '../kit/words.js';

// What a run's timeline is told from: its events' facts from the hub's own rows, and the
// catalog's words for its process.

export interface TimelineEntry extends Words {
  at: Date;
  /** RUN_STARTED, TASK_OPENED, TASK_DECIDED, TASK_REMINDED, TASK_ESCALATED, PAYMENT_MADE ... */
  kind: string;
  /** Who did it (a token subject), where a person did. */
  actor: string | null;
  taskId: string | null;
  /** The history event it was read from; null for an admin's operation that leaves none (run_audit). */
  eventId: number | null;
}

export interface TaskFact {
  id: string;
  kind: string;
  createdAt: Date;
  status: string;
  completedAt: Date | null;
}

export interface TimelineFacts {
  /** The process's name in the catalog (undefined for a run outside it). */
  processLabel?: Words;
  /** A task kind's name in the catalog. */
  kindLabel(kind: string): Words | undefined;
  /** An outcome's words (APPROVE ...). */
  outcomeWords?(outcome: string): Words | undefined;
  /** A stage's words. */
  stageWords?(stage: string): Words | undefined;
  /** The process's own steps in words. */
  words?: TimelineWords;
  /** The run's task rows. */
  tasks: TaskFact[];
  /** Reminders and escalations of the run's tasks (task_notification). */
  notifications: { taskId: string; kind: string; createdAt: Date }[];
  /** Admin operations on the run or its tasks (run_audit). */
  audit: { action: string; actor: string; target: string; reason: string; at: Date; outcome?: string }[];
}

/** The words a run of `definition` is told in: its catalog record's (and every outcome's). */
export function catalogFacts(
  catalog: ProcessCatalog,
  definition: ProcessDefinition | undefined,
): Pick<TimelineFacts, 'processLabel' | 'kindLabel' | 'outcomeWords' | 'stageWords' | 'words'> {
  return {
    processLabel: definition?.label,
    kindLabel: (kind) => definition?.taskKinds[kind]?.label,
    outcomeWords: (outcome) => catalog.outcomeWords[outcome],
    stageWords: (stage) => definition?.stages[stage],
    words: definition?.timeline,
  };
}
