import { describe, expect, it } from 'vitest';
import { formPath } from '../../console/src/procurement/form-errors.js';
import { fromShanghaiWallClock, shanghaiDay, shanghaiMinute, yuan } from '../../console/src/procurement/dates.js';

// The procurement pages' plain parts: where a refusal of the hub goes in a form, and Beijing days.

describe('a hub field in a procurement form', () => {
  const need = ['title', 'budget', 'priceWeight', 'technicalWeight', 'committee', 'closesAt'];
  it('finds the field the hub named, under its input and by its alias', () => {
    expect(formPath('need.title', need)).toEqual(['title']);
    expect(formPath('need.weights.price', need)).toEqual(['priceWeight']);
    expect(formPath('need.weights', need)).toEqual(['technicalWeight']);
    expect(formPath('need.budgetFen', need)).toEqual(['budget']);
    expect(formPath('priceFen', ['price', 'proposal'])).toEqual(['price']);
  });
  it('puts a member of a list chosen in one control on the control, a row of a list on its row', () => {
    expect(formPath('need.committee[2]', need)).toEqual(['committee']);
    expect(formPath('contract.milestones[1].dueOn', ['milestones'])).toEqual(['milestones', 1, 'dueOn']);
  });
  it('has no place for a field the form does not have', () => {
    expect(formPath('need.agencyId', need)).toBeUndefined();
  });
});

describe('Beijing days', () => {
  it('reads an instant as its Beijing day and minute, whatever the zone of the machine', () => {
    expect(shanghaiDay('2026-12-07T16:30:00Z')).toBe('2026-12-08');
    expect(shanghaiMinute('2026-12-07T16:30:00Z')).toBe('2026-12-08 00:30');
    expect(shanghaiDay(null)).toBe('');
  });
  it('reads a typed closing time as Beijing time', () => {
    expect(fromShanghaiWallClock('2026-12-08 17:00:00')).toBe('2026-12-08T09:00:00.000Z');
  });
  it('shows fen as yuan', () => {
    expect(yuan(50_000_000)).toBe('¥500,000.00');
  });
});
