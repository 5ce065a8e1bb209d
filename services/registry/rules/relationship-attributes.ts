import { RelationshipType } from '../entities/kinds.js';
import { isIsoDate } from '../../common/dates.js';
import { UUID_PATTERN } from '../../common/ids.js';
import type { RuleViolation } from './violation.js';

// Each type of edge carries its own small set of attributes (all optional); a key the type
// does not know, or a value of the wrong shape, is refused. The shapes are the ones the seed
// and the statistics already use (e.g. assistance projects are counted as list elements).

/** Checks one value; returns what was expected when the value does not fit. */
type Shape = (value: unknown) => string | undefined;

const text: Shape = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'a non-empty string');
const uuid: Shape = (v) => (typeof v === 'string' && UUID_PATTERN.test(v) ? undefined : 'a UUID');
const isoDate: Shape = (v) => (isIsoDate(v) ? undefined : 'an ISO date (yyyy-mm-dd)');
const listOf =
  (item: Shape, noun: string): Shape =>
  (v) =>
    Array.isArray(v) && v.every((element) => item(element) === undefined) ? undefined : `a list of ${noun}`;
const record =
  (fields: Record<string, Shape>, noun: string): Shape =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return noun;
    const knownKeysFit = Object.entries(v).every(
      ([key, value]) => fields[key] !== undefined && fields[key](value) === undefined,
    );
    const fits = knownKeysFit && Object.keys(fields).every((key) => key in v);
    return fits ? undefined : noun;
  };

const project = record({ title: text, startedOn: isoDate }, '{ title, startedOn }');

export const ATTRIBUTE_SHAPES: Readonly<Record<RelationshipType, Readonly<Record<string, Shape>>>> = {
  [RelationshipType.SUPERVISES]: {},
  [RelationshipType.MEMBER_OF]: {},
  [RelationshipType.BRANCH_OF]: {},
  [RelationshipType.HOME_REGION]: {},
  // 党建+金融 结对共建: the agreement signed and the programme it belongs to.
  [RelationshipType.BANK_PAIRING]: { agreement: text, programme: text },
  // 产教融合: the forms of co-operation, e.g. 共建课堂, 共设基地.
  [RelationshipType.COLLEGE_PARTNERSHIP]: { forms: listOf(text, 'non-empty strings') },
  // 结对帮扶: the campaign and the assistance projects run under the pairing.
  [RelationshipType.ASSISTANCE_PAIRING]: {
    programme: text,
    projects: listOf(project, 'projects { title, startedOn }'),
  },
  [RelationshipType.FOUNDED]: { registeredWith: text, guidedBy: text },
  // 联挂指导: the Federation leader who is the contact (a person in the registry).
  [RelationshipType.LIAISON]: { leaderId: uuid, leader: text, leaderTitle: text },
};

export function attributeViolations(type: RelationshipType, attributes: Record<string, unknown>): RuleViolation[] {
  const shapes = ATTRIBUTE_SHAPES[type];
  const known = Object.keys(shapes);
  return Object.entries(attributes).flatMap(([key, value]): RuleViolation[] => {
    const field = `attributes.${key}`;
    const shape = shapes[key];
    if (!shape) {
      const allowed = known.length ? `it may have ${known.join(', ')}` : 'it has no attributes';
      return [{ field, message: `a ${type} edge has no attribute "${key}" (${allowed})` }];
    }
    const expected = shape(value);
    return expected ? [{ field, message: `${field} of a ${type} edge must be ${expected}` }] : [];
  });
}

/** People an edge's attributes name, which must exist in the registry. */
export function referencedPeople(type: RelationshipType, attributes: Record<string, unknown>): string[] {
  return type === RelationshipType.LIAISON && typeof attributes.leaderId === 'string'
    ? [attributes.leaderId.toLowerCase()]
    : [];
}
