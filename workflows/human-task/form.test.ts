import { describe, expect, it } from 'vitest';
import { decisionProblems } from './form.js';
import type { TaskForm } from './contracts.js';

const SCORING: TaskForm = {
  outcomes: ['APPROVE', 'REJECT'],
  fields: [
    { name: 'score', label: '得分', type: 'INT', min: 0, max: 250, required: true, forOutcomes: ['APPROVE'] },
    { name: 'reason', label: '理由', type: 'TEXT', maxLength: 10, required: true, forOutcomes: ['REJECT'] },
    { name: 'grade', label: '等级', type: 'CHOICE', options: ['A3', 'A4', 'A5'] },
    { name: 'visitedOn', label: '考察日期', type: 'DATE' },
  ],
};
const fields = (values: Record<string, unknown>, decision = 'APPROVE', comment?: string) =>
  decisionProblems(SCORING, { decision, values, comment }).map((p) => p.field);

describe('decision forms', () => {
  it('accepts a decision that fits its form', () => {
    expect(fields({ score: 250, grade: 'A4', visitedOn: '2026-02-28' })).toEqual([]);
    expect(fields({ reason: '材料不全' }, 'REJECT')).toEqual([]);
  });

  it('names each field that does not fit', () => {
    expect(fields({}, 'MAYBE')).toEqual(['outcome']);
    expect(fields({})).toEqual(['score']);
    expect(fields({ score: 251 })).toEqual(['score']);
    expect(fields({ score: 1.5 })).toEqual(['score']);
    expect(fields({ score: 10, grade: 'A9' })).toEqual(['grade']);
    expect(fields({ score: 10, visitedOn: '2026-02-30' })).toEqual(['visitedOn']);
    expect(fields({ score: 10, extra: 1 })).toEqual(['extra']);
    expect(fields({ reason: '太长了太长了太长了太长了' }, 'REJECT')).toEqual(['reason']);
    expect(fields({ score: 10, reason: 'x' })).toEqual(['reason']);
    expect(fields({ score: 10 }, 'APPROVE', 'a\u0000b')).toEqual(['comment']);
  });
});
