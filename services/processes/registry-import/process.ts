import type { ProcessDefinition } from '../kit/process-definition.js';
import type { ProcessesContext } from '../kit/context.js';
import { workflowModule } from '../kit/workflow-bundle.js';
import type { DecisionReport } from '../../../workflows/human-task/contracts.js';
import {
  APPROVE,
  APPROVE_VALID_ROWS,
  REGISTRY_IMPORT_PROCESS_TYPE,
  REGISTRY_IMPORT_WORKFLOW_TYPE,
  REJECT,
  REVIEW_IMPORT_TASK_KIND,
  type RegistryImportInput,
  type RegistryImportState,
} from '../../../workflows/registry-import/contracts.js';
import { RegistryImport, RegistryImportFile } from './entities.js';
import { RegistryImportResolver } from './resolvers.js';
import { createRegistryImportActivities } from './activities.js';
import { registryImportWords } from './words.js';
import { importUploadRoutes } from './http.js';

/** The bulk registry import (批量导入) in the process catalog: the fourth process. */
export const registryImportProcess: ProcessDefinition<ProcessesContext> = {
  processType: REGISTRY_IMPORT_PROCESS_TYPE,
  label: { zh: '批量导入', en: 'Bulk registry import' },
  workflows: {
    [REGISTRY_IMPORT_WORKFLOW_TYPE]: workflowModule(
      new URL('../../../workflows/registry-import/workflow.ts', import.meta.url),
    ),
  },
  taskKinds: {
    [REVIEW_IMPORT_TASK_KIND]: {
      label: { zh: '复核批量导入', en: 'Review a bulk import' },
      // The widest form; each task offers the approvals its preview allows (reviewForm).
      form: {
        outcomes: [APPROVE, APPROVE_VALID_ROWS, REJECT],
        fields: [{ name: 'reason', label: '驳回理由', type: 'TEXT', maxLength: 500, forOutcomes: [REJECT] }],
      },
    },
  },
  ...registryImportWords,
  entities: [RegistryImport, RegistryImportFile],
  httpRoute: importUploadRoutes,
  resolvers: [RegistryImportResolver],
  activities: (deps) => ({ ...createRegistryImportActivities(deps) }),
  async markEnded(em, workflowId, end) {
    await em.execute(
      `update processes.registry_import set stage = ? where workflow_id = ? and stage not in ('APPLIED', 'REJECTED', 'EXPIRED', 'FAILED')`,
      [end, workflowId],
    );
  },
  loadProcess: (ctx, processId) => ctx.em.findOne(RegistryImport, processId),
  reported(report) {
    const { input, state } = (report ?? {}) as Partial<DecisionReport<RegistryImportInput, RegistryImportState>>;
    if (!input || !state) return null;
    return Object.assign(new RegistryImport(), {
      id: input.processId,
      workflowId: input.workflowId,
      stage: state.stage,
      kind: input.kind,
      fileId: input.fileId,
      fileName: input.fileName,
      sha256: input.sha256,
      uploadedBy: input.uploadedBy,
      preview: state.preview,
      decision: state.decision,
      reviewedBy: state.reviewedBy,
      applied: state.applied,
    });
  },
};
