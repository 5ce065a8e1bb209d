import { byId, childrenOf, perRequest } from '../../common/loaders.js';
import type { ProcessesContext } from '../kit/context.js';
import { Procurement } from './procurement.js';
import { ProcurementBid } from './bid.js';
import { ProcurementPayment } from './payment.js';

/** The procurement's per-request batching. */
export const procurementLoaders = perRequest(({ em }: Pick<ProcessesContext, 'em'>) => ({
  procurement: byId(em, Procurement),
  bidsByProcurement: childrenOf(em, ProcurementBid, 'procurementId', { round: 'asc', submittedAt: 'asc', id: 'asc' }),
  paymentsByProcurement: childrenOf(em, ProcurementPayment, 'procurementId', { milestoneNo: 'asc' }),
  contractsByProvider: childrenOf(em, Procurement, 'providerId', { publishedAt: 'desc', id: 'desc' }),
}));
