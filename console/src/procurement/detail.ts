import type { ProcurementDetailQuery } from '../gql/graphql';

/** A procurement as its page reads it (the parts of the page take it whole). */
export type Detail = ProcurementDetailQuery['procurement'];
