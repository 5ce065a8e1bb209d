import { describe, expect, it } from 'vitest';
import { clearedRequired, patchedFields } from './patch.js';
import { lengthViolations } from './violation.js';
import { personViolations } from './person.js';

describe('patches and plain field rules', () => {
  it('keeps what a patch leaves out and clears what it sets to null', () => {
    expect(patchedFields({ name: '新名', shortName: null, englishName: undefined })).toEqual({
      name: '新名',
      shortName: null,
    });
  });

  it('refuses clearing a required field', () => {
    expect(clearedRequired({ name: null, shortName: null }, ['name', 'regionCode'])).toEqual([
      { field: 'name', message: 'name is required; it can be changed but not cleared' },
    ]);
  });

  it('refuses texts that are too long, and a blank person name', () => {
    expect(
      lengthViolations({ name: ['x'.repeat(101), 100], title: [undefined, 10], shortName: ['ok', 2] }).map(
        (v) => v.field,
      ),
    ).toEqual(['name']);
    expect(personViolations({ name: ' \t' })).toEqual([{ field: 'name', message: 'name must not be empty' }]);
    expect(personViolations({ name: '张建生' })).toEqual([]);
  });
});
