import { expect } from 'vitest';
import { codeOf, gql, sql, type GraphQLResponse } from './hub.js';

// Calling the officers' fact-keeping mutations in tests (test/registry-keeping.test.ts): each
// with its parameters and the fields asked back; a refusal must write nothing.

const INSPECTION = 'id year result version organization { id name }';
const PENALTY = 'id decidedOn authority kind documentNumber description servedUntil revokedOn version';
const LIST = 'id list listedOn reason removedOn removalReason version';
const CREDIT = 'id kind summary recordedOn source outcome version';
const SIGNATURES: Record<string, [string, string]> = {
  recordAnnualInspection: ['input: NewAnnualInspection!, reason: String', INSPECTION],
  correctAnnualInspection: ['id: ID!, version: Int!, result: InspectionResult!, reason: String!', INSPECTION],
  recordPenalty: ['input: NewPenalty!, reason: String', PENALTY],
  correctPenalty: ['id: ID!, version: Int!, input: PenaltyPatch!, reason: String!', PENALTY],
  revokePenalty: ['id: ID!, version: Int!, revokedOn: String!, reason: String!', PENALTY],
  recordListEntry: ['input: NewListEntry!', LIST],
  removeListEntry: ['id: ID!, version: Int!, removedOn: String!, reason: String!', LIST],
  correctListEntry: ['id: ID!, version: Int!, input: ListEntryPatch!, reason: String!', LIST],
  correctCreditEntry: ['id: ID!, version: Int!, input: CreditEntryPatch!, reason: String!', CREDIT],
};

function mutation(name: string): string {
  const params = SIGNATURES[name][0].split(', ');
  const names = params.map((p) => p.split(':')[0]);
  return `mutation(${params.map((p) => `$${p}`).join(', ')}) { ${name}(${names.map((n) => `${n}: $${n}`).join(', ')}) { ${SIGNATURES[name][1]} } }`;
}

async function ok(name: string, variables: Record<string, unknown>, as: string) {
  const r = await gql(mutation(name), variables, as);
  expect(r.errors, `${name} ${JSON.stringify(r.errors)}`).toBeUndefined();
  return r.data[name];
}

const TABLES = ['annual_inspection', 'administrative_penalty', 'list_entry', 'credit_entry', 'audit_entry', 'change'];
const fingerprint = async () =>
  (
    await sql(
      `select ${TABLES.map((t) => `(select md5(coalesce(string_agg(r::text, '|' order by r.id), '')) from registry.${t} r) as ${t}`).join(', ')}`,
    )
  )[0];

/** Refused with `code` (and `field`, and a message in Chinese), and not one row written. */
async function refused(
  name: string,
  variables: Record<string, unknown>,
  code: string,
  field: string | undefined,
  as: string,
) {
  const before = await fingerprint();
  const r: GraphQLResponse = await gql(mutation(name), variables, as);
  expect(codeOf(r), `${name} ${JSON.stringify(variables)} → ${JSON.stringify(r.errors ?? r.data)}`).toBe(code);
  if (field) {
    expect(r.errors![0].extensions!.field).toBe(field);
    expect(r.errors![0].message).toMatch(/\p{Script=Han}/u);
  }
  expect(await fingerprint()).toEqual(before);
  return r.errors![0];
}

/** ok and refused as `as()` (the token, read when called), by default. */
export function keepingCalls(as: () => string) {
  return {
    ok: (name: string, variables: Record<string, unknown>, by = as()) => ok(name, variables, by),
    refused: (name: string, variables: Record<string, unknown>, code: string, field?: string, by = as()) =>
      refused(name, variables, code, field, by),
  };
}
