// One integrator question of the benchmark, asked three ways (see queries.ts).
export interface BenchQuery {
  name: string;
  /** Default arrival rate (requests/s), low enough that the gateway is not saturated on 2 cores. */
  rate: number;
  graphql: string;
  variables: Record<string, unknown>;
  sql: string;
  params: unknown[];
  graphqlSize(data: any): number | string;
  sqlSize(rows: any[]): number | string;
  /** What the SQL answer holds, for the report. */
  answer(rows: any[]): string;
}
