import { hasRole, type Identity } from '../../common/identity.js';
import type { Procurement } from './procurement.js';
import type { ProcurementBid } from './bid.js';

// Who sees which bids (sealed bidding): until the award is public a bidder sees only its own;
// after closing the agency and the committee see the round's bids (they screen and score them);
// once the award is shown (公示) everyone sees every bid; admins see everything.

export const isAgencyStaff = (procurement: Procurement, identity: Identity) =>
  (hasRole(identity, 'AGENCY_OFFICER') || hasRole(identity, 'AGENCY_HEAD')) &&
  identity.organizationIds.includes(procurement.agencyId);

export const isCommitteeMember = (procurement: Procurement, identity: Identity) =>
  procurement.committee.includes(identity.subject);

export function visibleBids(procurement: Procurement, bids: ProcurementBid[], identity: Identity): ProcurementBid[] {
  if (hasRole(identity, 'ADMIN') || procurement.awardPublic) return bids;
  const closed = procurement.stage !== 'BIDDING';
  if (closed && (isAgencyStaff(procurement, identity) || isCommitteeMember(procurement, identity))) return bids;
  const own = hasRole(identity, 'APPROVER') ? identity.organizationIds : [];
  return bids.filter((bid) => own.includes(bid.organizationId));
}
