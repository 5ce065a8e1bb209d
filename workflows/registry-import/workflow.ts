import { ActivityFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import { createTaskBoard } from '../human-task/board.js';
import { markStage } from '../human-task/search-attributes.js';
import { ACTIVITY_RETRY } from '../common/retry.js';
import { DAY } from '../common/time.js';
import type { RegistryImportActivities } from './activities.js';
import {
  REGISTRY_IMPORT_PROCESS_TYPE,
  REJECT,
  REVIEW_IMPORT_TASK_KIND,
  registryImportStateQuery,
  reviewForm,
  type ImportStage,
  type RegistryImportInput,
  type RegistryImportState,
} from './contracts.js';

const act = proxyActivities<RegistryImportActivities>({
  // A 10,000-row file is checked and applied in batches of a few hundred rows in well under this.
  startToCloseTimeout: '10 minutes',
  retry: ACTIVITY_RETRY,
});

/** Preview, a second officer's review, then the rows applied to the registry. */
export async function registryImport(input: RegistryImportInput): Promise<RegistryImportState> {
  const state: RegistryImportState = {
    stage: 'VALIDATING',
    preview: null,
    decision: null,
    reviewedBy: null,
    applied: null,
  };
  const tasks = createTaskBoard(() => ({ input, state }));
  setHandler(registryImportStateQuery, () => state);
  const enter = async (
    stage: ImportStage,
    extra: { decision?: string; reviewedBy?: string; reason?: string | null } = {},
  ) => {
    state.stage = stage;
    markStage(stage);
    await act.recordImportStage({ importId: input.processId, stage, ...extra });
  };

  markStage('VALIDATING');
  try {
    await checkAndReview();
  } catch (error) {
    // A refusal that retrying cannot change (the stored file no longer matches its hash, the
    // registry refused a batch): the import ends FAILED, saying so, instead of failing the run.
    if (!(error instanceof ActivityFailure)) throw error;
    await tasks.cancelOpen('导入失败');
    await enter('FAILED', { reason: error.cause?.message ?? error.message });
  }
  await tasks.finish();
  return state;

  async function checkAndReview(): Promise<void> {
    const preview = await act.previewImport({ importId: input.processId, sha256: input.sha256 });
    state.preview = preview;
    await enter('AWAITING_REVIEW');
    const result = await tasks.ask(
      {
        taskId: input.reviewTaskId,
        processType: REGISTRY_IMPORT_PROCESS_TYPE,
        processId: input.processId,
        workflowId: input.workflowId,
        kind: REVIEW_IMPORT_TASK_KIND,
        title: `审核批量导入：${input.fileName}`,
        summary: `${preview.rows} 行：新增 ${preview.created}，变更 ${preview.changed}，未变 ${preview.unchanged}，有错 ${preview.invalid}`,
        organizationId: input.organizationId,
        candidates: [{ role: 'FEDERATION_OFFICER' }],
        // Four eyes: whoever uploaded the file does not review it.
        excludedSubjects: [input.uploadedBy],
        dueInMs: 14 * DAY,
        followUpInMs: 7 * DAY,
      },
      reviewForm(preview),
      { holdAnswer: true },
    );
    if (result.kind !== 'DECIDED') {
      await enter('EXPIRED');
    } else {
      const { decision, decidedBy, values } = result.decision;
      state.decision = decision;
      state.reviewedBy = decidedBy;
      if (decision === REJECT) {
        await enter('REJECTED', { decision, reviewedBy: decidedBy, reason: (values?.reason as string) ?? null });
      } else {
        await enter('APPLYING', { decision, reviewedBy: decidedBy });
        // The reviewer is answered now: applying a large file takes longer than a request waits.
        tasks.settle();
        state.applied = await act.applyImport({ importId: input.processId });
        await enter('APPLIED');
      }
    }
  }
}
