import type { ProcessesContext } from '../kit/context.js';
import { EvaluationCampaign } from './campaign.js';
import { PROCESS_TYPE, STAGE, YEAR } from '../../../workflows/human-task/search-attributes.js';
import {
  CAMPAIGN_WORKFLOW_TYPE,
  campaignId,
  EVALUATION_PROCESS_TYPE,
  type CampaignParams,
} from '../../../workflows/evaluation/types.js';

/** Starts a campaign's workflow and waits until its projection row exists. */
export async function startCampaign(
  ctx: Pick<ProcessesContext, 'temporal' | 'settings' | 'identity' | 'em'>,
  params: CampaignParams,
): Promise<EvaluationCampaign> {
  const id = campaignId(params.year, params.track);
  const handle = await ctx.temporal.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
    workflowId: id,
    taskQueue: ctx.settings.taskQueue,
    args: [
      {
        campaignId: id,
        params,
        startedBy: ctx.identity.subject,
        asOf: `${params.year}-01-01`,
        // Whose campaign it is: its recommendations go to the Federation above this one.
        federationId: ctx.identity.federationId ?? null,
      },
    ],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    staticSummary: `${params.year} 年度${params.track === 'RATING' ? '社会组织评估' : '“四好”商会认定'}`,
    typedSearchAttributes: [
      { key: PROCESS_TYPE, value: EVALUATION_PROCESS_TYPE },
      { key: STAGE, value: 'ELIGIBILITY' },
      { key: YEAR, value: params.year },
    ],
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const row = await ctx.em.fork().findOne(EvaluationCampaign, id);
    if (row) return row;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`campaign ${handle.workflowId} started but its row did not appear within 10 s`);
}
