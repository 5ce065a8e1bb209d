import { defineQuery } from '@temporalio/workflow';
import type { TaskForm } from '../human-task/contracts.js';

// The bulk registry import (批量导入): an officer's file is validated into a preview, a second
// officer reviews it, and on approval its rows are applied to the registry in batches. The
// file's bytes never enter history: the workflow carries the import's id and the file's hash.

export const REGISTRY_IMPORT_PROCESS_TYPE = 'REGISTRY_IMPORT';
export const REGISTRY_IMPORT_WORKFLOW_TYPE = 'registryImport';
export const REVIEW_IMPORT_TASK_KIND = 'REVIEW_IMPORT';

export const APPROVE = 'APPROVE';
/** Explicitly: apply the rows without errors and leave the others. */
export const APPROVE_VALID_ROWS = 'APPROVE_VALID_ROWS';
export const REJECT = 'REJECT';

/** The review's form: which approvals it offers depends on the preview (reviewForm). */
export function reviewForm(preview: ImportSummary): TaskForm {
  const approvals = preview.valid === 0 ? [] : preview.invalid > 0 ? [APPROVE_VALID_ROWS] : [APPROVE];
  return {
    outcomes: [...approvals, REJECT],
    fields: [
      { name: 'reason', label: '驳回理由', type: 'TEXT', required: true, maxLength: 500, forOutcomes: [REJECT] },
    ],
  };
}

export type ImportStage = 'VALIDATING' | 'AWAITING_REVIEW' | 'APPLYING' | 'APPLIED' | 'REJECTED' | 'EXPIRED' | 'FAILED';

export interface RegistryImportInput {
  processId: string;
  workflowId: string;
  reviewTaskId: string;
  /** The stored file (registry_import_file) and its SHA-256. */
  fileId: string;
  sha256: string;
  kind: string;
  fileName: string;
  /** The officer who uploaded it: they may not review it. */
  uploadedBy: string;
  /** The organisation the review task is filed under (the uploader's). */
  organizationId: string;
}

/** The preview's counts (its rows and errors stay in the database). */
export interface ImportSummary {
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  changed: number;
  unchanged: number;
}

export interface ImportApplied {
  created: number;
  changed: number;
  unchanged: number;
  /** Rows the registry refused when applied (changed since the preview). */
  refused: number;
}

export interface RegistryImportState {
  stage: ImportStage;
  preview: ImportSummary | null;
  decision: string | null;
  reviewedBy: string | null;
  applied: ImportApplied | null;
}

export const registryImportStateQuery = defineQuery<RegistryImportState>('registryImportState');
