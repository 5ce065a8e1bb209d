import fc from 'fast-check';
import { getNullableType, isEnumType, isInputObjectType, isListType, type GraphQLInputType } from 'graphql';
import { seedOrganizationId } from '../../../infra/seed/run.js';

// What the fuzzer puts where a value goes, by the position's type (and, for strings, its
// name): the values the hardening issues found by hand (2^53, 1.5 for an Int, the year 0000,
// ["x","y"] as a cursor, NUL and lone surrogates, __main__ as a run id) and their kin, then a
// few that fast-check generates from the run's seed. A `Literal` is only ever sent inline in the
// document (JSON has no 1e400), everything else as a variable or inline, as the run decides.

export class Literal {
  constructor(readonly text: string) {}
  toJSON() {
    return this.text;
  }
}

const HUGE = 'x'.repeat(10_000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const OTHER_IDS = [
  seedOrganizationId('wenzhou'), // an organization where a task, a person or a run is meant
  '00000000-0000-0000-0000-000000000000',
  'DD9882E2-7E1C-519A-B5AB-E5F108B6EBA5',
  '__main__',
  'evaluation-rating-2020',
  "x' OR '1'='1",
  '../../x',
  '%00',
  '$gt',
];
const TEXT = [
  '',
  ' ',
  HUGE,
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '😀',
  '0000-00-00T00:00:00Z',
  '<script>',
  '\\',
  '"',
];
const CURSORS = [
  'WyJ4IiwieSJd', // ["x","y"]
  b64(['x\u0000', 'y']),
  b64([1, 2, 3]),
  b64([null, null]),
  b64({ s: 'x', r: 'y' }),
  b64({ s: '99999999999999999', r: '\u0000' }),
  b64(['2026-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  b64([2 ** 53, '0000-00-00', { $gt: '' }]),
  'not base64 !',
  '',
];
const DATES = [
  '0000-00-00',
  '0000-01-01',
  '2026-02-30',
  '2026-13-01',
  '99999-01-01',
  '-0001-01-01',
  '2026-1-1',
  'today',
];
const INTS: unknown[] = [
  0,
  -1,
  -(2 ** 31),
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1.5,
  '100',
  'NaN',
  true,
  null,
  new Literal('1e400'),
];
const FLOATS: unknown[] = [
  0,
  -0.0,
  1e308,
  -1e308,
  'NaN',
  'Infinity',
  '1.5',
  null,
  new Literal('1e400'),
  new Literal('-1e400'),
];
const DATE_TIMES: unknown[] = [
  'garbage',
  '0000-00-00T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
  '2026-01-01',
  '',
  0,
  2 ** 53,
  null,
];
const JSONS: unknown[] = [
  'str',
  [1, 2],
  42,
  null,
  JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'),
  { '\u0000': 1 },
  { deep: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) },
  Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
  { values: HUGE },
];

const DATE_NAME = /(^|[a-z])(asOf|from|to|On|Date|day)$/;

/** The catalogue for one position. */
export function hostileFor(type: GraphQLInputType, name: string): unknown[] {
  const nullable = getNullableType(type);
  const wrongShape: unknown[] = [null, [], {}, 'x', 7];
  if (isListType(nullable))
    return [
      [],
      [null],
      Array.from({ length: 1000 }, () => 'x'),
      [[1]],
      'not a list',
      ...hostileFor(nullable.ofType, name)
        .slice(0, 4)
        .map((v) => [v]),
    ];
  if (isEnumType(nullable)) {
    const first = nullable.getValues()[0].name;
    return ['NOT_A_VALUE', first.toLowerCase(), '', 1, `${first}\u0000`, ...wrongShape];
  }
  if (isInputObjectType(nullable)) return [{ bogus: 1 }, 'a string', 42, [{}], ...wrongShape];
  switch (nullable.name) {
    case 'Int':
      return INTS;
    case 'Float':
      return FLOATS;
    case 'SafeInt':
      return [...INTS, 2 ** 53 - 1, -(2 ** 53 - 1)];
    case 'Boolean':
      return ['true', 1, 0, null, []];
    case 'DateTimeISO':
      return DATE_TIMES;
    case 'JSON':
    case 'JSONObject':
      return JSONS;
    case '_Any':
      return [
        { __typename: 'HumanTask', id: '\u0000' },
        { __typename: 'Organization', id: 'not-a-uuid' },
        { __typename: 'Organization' },
        { __typename: 'NoSuchType', id: 'x' },
        { __typename: 'Person', id: HUGE },
        { id: 'x' },
        'x',
        null,
      ];
    case 'ID':
      return [...OTHER_IDS, ...TEXT, 2 ** 53, 1.5, true, null];
    default: {
      if (name === 'after' || name === 'before') return [...CURSORS, ...TEXT];
      if (DATE_NAME.test(name)) return [...DATES, ...TEXT.slice(0, 6)];
      return [...TEXT, ...OTHER_IDS.slice(3), 5, true, null];
    }
  }
}

/** A text fast-check makes up: any UTF-16 code units (NUL and lone surrogates included), long or short. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 12_000 }),
);

/** One value fast-check makes up for the type, beside the catalogue's. */
export function generated(type: GraphQLInputType, seed: number): unknown {
  const nullable = getNullableType(type);
  const arbitrary: fc.Arbitrary<unknown> = isListType(nullable)
    ? fc.array(anyText, { maxLength: 50 })
    : isInputObjectType(nullable)
      ? fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(anyText, fc.integer(), fc.constant(null)))
      : ['Int', 'SafeInt', 'Float'].includes((nullable as { name: string }).name)
        ? fc.oneof(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
        : fc.oneof(anyText, fc.integer(), fc.constant(null));
  return fc.sample(arbitrary, { seed, numRuns: 1 })[0];
}

/** `count` of `values`, chosen by the seed (the same run every time). */
export function choose<T>(values: readonly T[], count: number, seed: number): T[] {
  if (values.length <= count) return [...values];
  return fc.sample(fc.shuffledSubarray([...values], { minLength: count, maxLength: count }), { seed, numRuns: 1 })[0];
}
