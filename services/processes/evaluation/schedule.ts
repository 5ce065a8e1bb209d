import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client } from '@temporalio/client';
import { defaultParams } from './params.js';
import { CAMPAIGN_WORKFLOW_TYPE, EVALUATION_PROCESS_TYPE, type Track } from '../../../workflows/evaluation/types.js';
import { PROCESS_TYPE, STAGE } from '../../../workflows/human-task/search-attributes.js';

// The yearly campaigns as Temporal Schedules, made at start-up when missing: 15 January, 09:00
// in Asia/Shanghai. The action passes year 0, which the campaign reads as the year it starts in.

export const TRACKS: Track[] = ['RATING', 'FOUR_GOOD'];
export const scheduleId = (track: Track) => `evaluation-${track.toLowerCase()}-yearly`;

export async function ensureEvaluationSchedules(client: Client, taskQueue: string): Promise<void> {
  for (const track of TRACKS) {
    try {
      await client.schedule.create({
        scheduleId: scheduleId(track),
        spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 15, hour: 9 }], timezone: 'Asia/Shanghai' },
        action: {
          type: 'startWorkflow',
          workflowType: CAMPAIGN_WORKFLOW_TYPE,
          workflowId: `evaluation-${track.toLowerCase()}-scheduled`,
          taskQueue,
          args: [{ campaignId: '', params: defaultParams(0, track), startedBy: 'schedule', asOf: '' }],
          // What the runs list shows of a scheduled campaign (its year is the year it starts in).
          staticSummary: track === 'RATING' ? '年度社会组织评估（计划任务启动）' : '年度“四好”商会认定（计划任务启动）',
          typedSearchAttributes: [
            { key: PROCESS_TYPE, value: EVALUATION_PROCESS_TYPE },
            { key: STAGE, value: 'ELIGIBILITY' },
          ],
        },
        state: { note: track === 'RATING' ? '每年一月开展社会组织评估' : '每年一月开展“四好”商会认定' },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
}

export interface ScheduleView {
  id: string;
  track: string;
  paused: boolean;
  note: string | null;
  nextRuns: Date[];
}

export async function describeSchedule(client: Client, track: Track): Promise<ScheduleView> {
  try {
    const described = await client.schedule.getHandle(scheduleId(track)).describe();
    return {
      id: scheduleId(track),
      track,
      paused: described.state.paused,
      note: described.state.note ?? null,
      nextRuns: described.info.nextActionTimes.slice(0, 3),
    };
  } catch (error) {
    if (error instanceof ScheduleNotFoundError)
      return {
        id: scheduleId(track),
        track,
        paused: true,
        note: 'missing: restart the processes service to create it',
        nextRuns: [],
      };
    throw error;
  }
}
