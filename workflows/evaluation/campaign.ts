import { ParentClosePolicy, patched, setHandler, startChild, uuid4, workflowInfo } from '@temporalio/workflow';
import { markStage, ORGANIZATION_ID, PROCESS_TYPE, STAGE, YEAR } from '../human-task/search-attributes.js';
import { chinaDay } from '../common/china-time.js';
import { evaluationActivities } from './context.js';
import { evaluationApplication } from './application.js';
import { trackName } from './rules.js';
import { evaluationCandidacy } from './candidacy.js';
import { candidacyReasons, rankRecommended, type Recommended } from './candidacy-rules.js';
import {
  campaignId,
  evaluationApplicationWorkflowId,
  campaignStateQuery,
  candidacyWorkflowId,
  EVALUATION_PROCESS_TYPE,
  type ApplicationState,
  type CampaignInput,
} from './types.js';

/**
 * A campaign (评估活动) for one year and track: eligibility from the registry, then one child
 * workflow per eligible organisation; it closes when every application has ended.
 */
export async function evaluationCampaign(
  scheduled: CampaignInput,
): Promise<{ eligible: number; ineligible: number; finished: number }> {
  // The yearly Schedule passes year 0: the campaign is for the year it starts in (Beijing time).
  const year = scheduled.params.year || Number(chinaDay(Date.now()).slice(0, 4));
  const track = scheduled.params.track;
  const input: CampaignInput = {
    ...scheduled,
    params: { ...scheduled.params, year },
    campaignId: scheduled.campaignId || campaignId(year, track),
    asOf: scheduled.asOf || `${year}-01-01`,
  };
  const counts = { stage: 'ELIGIBILITY', eligible: 0, ineligible: 0, finished: 0 };
  setHandler(campaignStateQuery, () => counts);
  const stage = (name: string) => {
    counts.stage = name;
    markStage(name);
  };

  await evaluationActivities.openCampaign(input);
  const { eligible, ineligible, committees } = await evaluationActivities.assessEligibility(input);
  Object.assign(counts, { eligible: eligible.length, ineligible });
  stage('APPLICATIONS');
  // Children carry the hub's search attributes when the campaign does (not on a bare test server).
  const tagged = workflowInfo().typedSearchAttributes.get(PROCESS_TYPE) !== undefined;
  // Children are started a hundred at a time: a thousand start commands in one workflow task
  // made it overrun its 10 s timeout (npm run bench:evaluation).
  const results: Promise<unknown>[] = [];
  const ids = new Map<string, string>();
  const ended: Recommended[] = [];
  // What the Temporal UI and the runs list show of each application (no names of people);
  // campaigns started before it keep their children without one.
  const summarised = patched('evaluation-application-summary');
  for (let i = 0; i < eligible.length; i += 100) {
    const started = await Promise.all(
      eligible.slice(i, i + 100).map((applicant) => {
        const applicationId = uuid4();
        ids.set(applicant.organizationId, applicationId);
        return startChild(evaluationApplication, {
          workflowId: evaluationApplicationWorkflowId(input.campaignId, applicant.organizationId),
          args: [{ ...applicant, applicationId, campaignId: input.campaignId, params: input.params, committees }],
          ...(summarised ? { staticSummary: `${year} 年度${trackName(track)} · ${applicant.organizationName}` } : {}),
          ...(tagged
            ? {
                typedSearchAttributes: [
                  { key: PROCESS_TYPE, value: EVALUATION_PROCESS_TYPE },
                  { key: ORGANIZATION_ID, value: applicant.organizationId },
                  { key: STAGE, value: 'INVITED' },
                  { key: YEAR, value: year },
                ],
              }
            : {}),
        });
      }),
    );
    results.push(
      ...started.map((child, j) =>
        child.result().then((state) => {
          counts.finished += 1;
          const applicant = eligible[i + j];
          ended.push({ ...applicant, applicationId: ids.get(applicant.organizationId)!, state });
        }),
      ),
    );
  }
  await Promise.all(results);
  // The chambers the city recommends upward become candidacies for the Federation above it;
  // campaigns that closed before there were candidacies keep closing without them.
  if (track === 'FOUR_GOOD' && patched('four-good-candidacy')) await recommendUpward(input, ended, tagged);
  stage('CLOSED');
  await evaluationActivities.closeCampaign({ campaignId: input.campaignId, stage: 'CLOSED' });
  return counts;
}

/** One candidacy per recommended chamber, in the city's order; they outlive the campaign. */
async function recommendUpward(input: CampaignInput, ended: Recommended[], tagged: boolean): Promise<void> {
  const ranked = rankRecommended(ended, input.params.track);
  for (const [index, chamber] of ranked.entries()) {
    const state: ApplicationState = chamber.state;
    await startChild(evaluationCandidacy, {
      workflowId: candidacyWorkflowId(input.campaignId, chamber.organizationId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      staticSummary: `${input.params.year} 年度推荐参评省级“四好”商会 · ${chamber.organizationName}`,
      args: [
        {
          candidacyId: uuid4(),
          campaignId: input.campaignId,
          applicationId: chamber.applicationId,
          organizationId: chamber.organizationId,
          organizationName: chamber.organizationName,
          year: input.params.year,
          rank: index + 1,
          of: ranked.length,
          total: state.total!,
          grade: state.grade!,
          reasons: candidacyReasons(state, index + 1, ranked.length),
          federationId: input.federationId ?? null,
        },
      ],
      ...(tagged
        ? {
            typedSearchAttributes: [
              { key: PROCESS_TYPE, value: EVALUATION_PROCESS_TYPE },
              { key: ORGANIZATION_ID, value: chamber.organizationId },
              { key: STAGE, value: 'PROPOSED' },
              { key: YEAR, value: input.params.year },
            ],
          }
        : {}),
    });
  }
}
