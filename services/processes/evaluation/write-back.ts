import type { RegistryClient } from '../registry/client.js';
import { todayInChina } from '../../common/dates.js';
import type { ApplicationInput, ApplicationState } from '../../../workflows/evaluation/types.js';

// The result of one application written to the registry: the rating (or the Four-Good honour),
// a credit-record entry and the reward grant. Each write has a key of its own, so a retried
// activity finds the first write instead of making a second.

export async function writeBackResult(
  registry: RegistryClient,
  application: ApplicationInput,
  state: ApplicationState,
  rewardFen: number,
): Promise<void> {
  const { params, applicationId, organizationId, campaignId } = application;
  const grade = state.grade!;
  const key = (what: string) => `evaluation:${applicationId}:${what}`;
  const awardedOn = todayInChina();
  if (params.track === 'RATING') {
    await registry.asSystem(
      'mutation ($input: RatingWrite!, $key: String!) { recordRating(input: $input, idempotencyKey: $key) { id } }',
      {
        input: { organizationId, grade, awardedOn, awardedBy: '嘉兴市社会组织评估委员会', campaign: campaignId },
        key: key('rating'),
      },
    );
  } else {
    await registry.asSystem(
      'mutation ($input: HonourWrite!, $key: String!) { recordHonour(input: $input, idempotencyKey: $key) { id } }',
      { input: { organizationId, level: 'MUNICIPAL', year: params.year, campaign: campaignId }, key: key('honour') },
    );
  }
  // The city names municipal Four-Good chambers; the best (the top grade's cut-off) it
  // recommends upward, to the province, which decides provincial and national ones.
  const summary =
    params.track === 'RATING'
      ? `${params.year} 年度社会组织评估等级 ${grade}`
      : `${params.year} 年度市级“四好”商会${grade === 'A5' ? '，推荐参评省级“四好”商会' : ''}`;
  await registry.asSystem(
    'mutation ($input: CreditEntryWrite!, $key: String!) { recordCreditEntry(input: $input, idempotencyKey: $key) { id } }',
    {
      input: {
        organizationId,
        kind: params.track === 'RATING' ? 'RATING' : 'HONOUR',
        summary,
        recordedOn: awardedOn,
        source: campaignId,
      },
      key: key('credit'),
    },
  );
  if (rewardFen > 0) {
    await registry.asSystem(
      'mutation ($input: RewardGrantWrite!, $key: String!) { recordRewardGrant(input: $input, idempotencyKey: $key) { id } }',
      {
        input: { organizationId, year: params.year, amountFen: rewardFen, reason: summary, campaign: campaignId },
        key: key('reward'),
      },
    );
  }
}
