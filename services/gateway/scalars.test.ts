import { describe, expect, it } from 'vitest';
import { buildSchema, getVariableValues, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { checkScalarVariables, scalarLiteralRule } from './scalars.js';

// The gateway's schema has the supergraph's bare scalars; these checks make it refuse what the
// subgraphs would, before a query is planned, and pass good values through unchanged.

const sdl = `scalar DateTimeISO scalar SafeInt scalar JSONObject scalar JSON
  input Bid { priceFen: SafeInt! at: [DateTimeISO!] }
  type Query { tasks(dueBefore: DateTimeISO, values: JSONObject, bid: Bid, any: JSON): Int }`;

function schema() {
  const built = buildSchema(sdl);
  checkScalarVariables(built);
  return built;
}

const literalErrors = (query: string) => validate(schema(), parse(query), [...specifiedRules, scalarLiteralRule]);

describe('the gateway checks custom-scalar literals, naming the argument', () => {
  it('refuses the issue 19 values', () => {
    const cases: [string, string][] = [
      ['{ tasks(dueBefore: "garbage") }', 'dueBefore'],
      ['{ tasks(dueBefore: "0000-00-00T00:00:00Z") }', 'dueBefore'],
      ['{ tasks(values: [1, 2]) }', 'values'],
      ['{ tasks(values: "str") }', 'values'],
      ['{ tasks(bid: { priceFen: 9007199254740992 }) }', 'priceFen'],
      ['{ tasks(bid: { priceFen: 1.5 }) }', 'priceFen'],
      ['{ tasks(bid: { priceFen: "100" }) }', 'priceFen'],
      ['{ tasks(bid: { priceFen: 1, at: ["2026-01-01T00:00:00Z", "x"] }) }', 'at'],
    ];
    for (const [query, field] of cases) {
      const errors = literalErrors(query);
      expect(errors, query).toHaveLength(1);
      expect(errors[0].extensions.field, query).toBe(field);
      expect(errors[0].message).toMatch(new RegExp(`^The value of "${field}" is not a valid`));
    }
  });

  it('passes good literals, JSON of any shape and variables (checked when coerced)', () => {
    expect(
      literalErrors(
        '{ tasks(dueBefore: "2026-01-01T00:00:00Z", values: { a: [1, { b: "c" }] }, bid: { priceFen: 9007199254740991, at: [] }, any: [1, "x"]) }',
      ),
    ).toEqual([]);
    expect(literalErrors('query ($d: DateTimeISO) { tasks(dueBefore: $d) }')).toEqual([]);
  });
});

describe('the gateway checks custom-scalar variables', () => {
  const operation = parse(
    'query ($d: DateTimeISO, $b: Bid, $v: JSONObject) { tasks(dueBefore: $d, bid: $b, values: $v) }',
  ).definitions[0] as OperationDefinitionNode;
  const coerce = (variables: Record<string, unknown>) =>
    getVariableValues(schema(), operation.variableDefinitions!, variables);

  it('refuses a bad value, naming the variable and the path inside it', () => {
    expect(coerce({ d: 'garbage' }).errors?.[0]?.message).toMatch(/^Variable "\$d" got invalid value "garbage"/);
    expect(coerce({ b: { priceFen: 2 ** 53 } }).errors?.[0]?.message).toMatch(/at "b.priceFen"; SafeInt/);
    expect(coerce({ v: [1, 2] }).errors?.[0]?.message).toMatch(/JSONObject/);
  });

  it('leaves a good value as the client sent it (the subgraph gets the same)', () => {
    const { coerced } = coerce({ d: '2026-01-01T08:00:00+08:00', b: { priceFen: 100 }, v: { a: 1 } }) as {
      coerced: Record<string, unknown>;
    };
    expect(coerced).toEqual({ d: '2026-01-01T08:00:00+08:00', b: { priceFen: 100 }, v: { a: 1 } });
  });
});
