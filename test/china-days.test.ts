import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from './support/hub.js';
import { createProcessesOrm } from '../services/processes/orm.js';
import { CATALOG } from '../services/processes/catalog.js';
import { createTaskActivities } from '../services/processes/tasks/activities.js';
import { createRegistryClient } from '../services/processes/registry/client.js';

// People's days are China's days, on the real task kit: a task due at 23:30 UTC on the 7th is
// due at 07:30 on the 8th in Shanghai, and its reminder names the 8th.

let orm: MikroORM;

beforeAll(async () => {
  orm = await createProcessesOrm(CATALOG, inject('databaseUrl'), { poolMax: 2 });
});

afterAll(async () => {
  await orm.close();
});

describe("a reminder's due date", () => {
  it('is the Shanghai day: due at 23:30 UTC on 7 December reads 2026-12-08', async () => {
    const taskId = crypto.randomUUID();
    const opened = new Date('2026-12-06T23:30:00Z');
    const activities = createTaskActivities({
      orm,
      registry: createRegistryClient(inject('registryUrl'), {
        jwtSecret: inject('jwtSecret'),
        subgraphSecrets: [inject('subgraphSecret')],
      }),
      now: () => opened,
    });
    await activities.openTask({
      taskId,
      processType: 'TRAINING_ENROLLMENT',
      processId: taskId,
      workflowId: `test-${taskId}`,
      kind: 'ENDORSE_ENROLLMENT',
      title: '推荐参加培训',
      summary: '测试',
      organizationId: crypto.randomUUID(),
      candidates: [{ subject: `test-china-days-${taskId}` }], // nobody else's inbox
      dueInMs: 86_400_000, // due 2026-12-07T23:30:00Z
      followUpInMs: 43_200_000,
      form: { outcomes: ['APPROVE', 'REJECT'], fields: [] },
    });
    await activities.remindTask({ taskId });
    const [reminder] = await sql('select message from processes.task_notification where task_id = $1', [taskId]);
    expect(reminder.message).toBe('提醒：「推荐参加培训」将于 2026-12-08 到期，请及时处理');
    await sql('delete from processes.task_notification where task_id = $1', [taskId]);
    await sql('delete from processes.human_task where id = $1', [taskId]);
  });
});
