import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import type {} from 'graphql';
import { type Client } from '@temporalio/client';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow/index.js';
import { OrganizationRef } from '../kit/organization-ref.js';
import type {} from '../kit/context.js';
import { timestampMicros } from './paging.js';

// What the admins' page of one run shows beyond the list's fields: its pending activities, its
// timeline entries, what it is about; and the helpers that read them from a description.

@ObjectType({
  description: 'An activity the run is waiting on (ordinary activities; local ones run inside the workflow task)',
})
export class PendingActivity {
  @Field(() => String) activityId!: string;
  @Field(() => String, { description: 'e.g. screenBids, payMilestone, issueCertificate' }) activityType!: string;
  @Field(() => String, { description: 'SCHEDULED, STARTED, CANCEL_REQUESTED, PAUSED ...' }) state!: string;
  @Field(() => Int, { description: '1 for the first try; more means it is retrying' }) attempt!: number;
  @Field(() => Int, { nullable: true, description: 'Null when unlimited' }) maximumAttempts!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' }) lastFailure!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastStartedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next attempt starts' })
  nextAttemptAt!: Date | null;
}

@ObjectType({ description: "A step of a run in the domain's words" })
export class RunTimelineEntry {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => String, {
    description:
      'RUN_STARTED, STAGE_CHANGED, TASK_OPENED, TASK_DECIDED, TASK_REMINDED, TASK_ESCALATED, TASK_EXPIRED, NOTICE_STARTED, OBJECTION_LODGED, PAYMENT_MADE, CHILD_STARTED, CANCEL_REQUESTED, COMPLETED, FAILED ...',
  })
  kind!: string;
  @Field(() => String, { description: 'In Chinese' }) zh!: string;
  @Field(() => String, { description: 'In English' }) en!: string;
  @Field(() => String, { nullable: true, description: 'Who did it (token subject), where a person did' }) actor!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The task it concerns' }) taskId!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The Temporal history event it was read from; null for an admin's operation that leaves none (a reassignment)",
  })
  eventId!: number | null;
}

@ObjectType({ description: 'Another record a run belongs to, by name (e.g. campaignId)' })
export class RunReference {
  @Field(() => String, { description: 'e.g. campaignId, procurementId' }) name!: string;
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'What a run is about' })
export class RunSubject {
  @Field(() => OrganizationRef, {
    nullable: true,
    description: 'The organization it concerns (an agency for a procurement)',
  })
  organization!: OrganizationRef | null;
  @Field(() => ID, {
    nullable: true,
    description: "The process row's id (the enrollment, the evaluation, the procurement)",
  })
  processId!: string | null;
  @Field(() => [RunReference], { description: 'Other records it belongs to, as its process names them' })
  references!: RunReference[];
  @Field(() => String, {
    nullable: true,
    description: 'The evaluation campaign (its workflow id), for campaigns and their applications',
    deprecationReason: 'Use references (name campaignId)',
  })
  campaignId!: string | null;
  @Field(() => ID, { nullable: true, deprecationReason: 'Use references (name procurementId)' })
  procurementId!: string | null;
}

export async function messageOf(
  temporal: Client,
  failure: Parameters<typeof decodeOptionalFailureToOptionalError>[1],
): Promise<string | null> {
  if (!failure) return null;
  try {
    const error = await decodeOptionalFailureToOptionalError(temporal.options.loadedDataConverter, failure);
    return error?.message ?? failure.message ?? null;
  } catch {
    return failure.message ?? null;
  }
}

export const dateOf = (ts: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  ts ? new Date(Number(timestampMicros(ts) / 1000n)) : null;

// Short state names from the enum's (PENDING_ACTIVITY_STATE_STARTED → STARTED).
export const ACTIVITY_STATES = ['UNSPECIFIED', 'SCHEDULED', 'STARTED', 'CANCEL_REQUESTED', 'PAUSED', 'PAUSE_REQUESTED'];
