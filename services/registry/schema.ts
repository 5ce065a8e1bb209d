import { buildSubgraph } from '../common/subgraph.js';
import { OrganizationResolver } from './resolvers/organization.js';
import { RelationshipResolver } from './resolvers/relationship.js';
import { OrganizationAdminResolver } from './resolvers/organization-admin.js';
import { PersonAdminResolver } from './resolvers/person-admin.js';
import { RelationshipAdminResolver } from './resolvers/relationship-admin.js';
import { RatingAdminResolver } from './resolvers/rating-admin.js';
import { AuditTrailResolver } from './resolvers/audit-admin.js';
import { CertificationWritebackResolver } from './resolvers/certification-writeback.js';
import { PersonResolver, PositionResolver } from './resolvers/person.js';
import { HonourResolver, RatingResolver } from './resolvers/rating.js';
import {
  ActivityResolver,
  DeliberationSessionResolver,
  JointMeetingResolver,
  LiaisonVisitResolver,
  PlatformActivityResolver,
} from './resolvers/activities.js';
import {
  CharityRecordResolver,
  InvestmentProjectResolver,
  LoanResolver,
  MediationCaseResolver,
  RecordResolver,
} from './resolvers/records.js';
import { TraversalResolver } from './resolvers/traversal.js';
import { AggregatesResolver, RecordGroupResolver } from './resolvers/aggregates.js';
import { JurisdictionResolver } from './resolvers/jurisdiction.js';
import { OrganizationCharityResolver, StatisticsResolver } from './resolvers/statistics.js';
import { OrganizationConnectionsResolver, PersonConnectionsResolver } from './resolvers/nested-connections.js';
import { EvaluationExpertsResolver, OrganizationEvaluationFactsResolver } from './resolvers/evaluation-facts.js';
import { EvaluationWritebackResolver } from './resolvers/evaluation-writeback.js';
import { ServiceCategoryResolver } from './resolvers/procurement-facts.js';
import { RegistryChangesResolver } from './resolvers/changes.js';
import { InspectionKeepingResolver } from './resolvers/inspection-keeping.js';
import { PenaltyKeepingResolver } from './resolvers/penalty-keeping.js';
import { ListKeepingResolver } from './resolvers/list-keeping.js';
import { CreditKeepingResolver } from './resolvers/credit-keeping.js';
import { ImportRowsResolver } from './resolvers/import-rows.js';
import {
  AdministrativePenaltyResolver,
  AnnualInspectionResolver,
  CreditEntryResolver,
  FactListsResolver,
  ListEntryResolver,
} from './resolvers/fact-lists.js';
import { IntegratorAdminResolver } from './resolvers/integrator-admin.js';
import { IntegratorGrantResolver } from './resolvers/integrator-grant.js';
import type { RegistryContext } from './context.js';

/** The registry subgraph: organizations and the edges between them. */
export function buildRegistrySchema() {
  return buildSubgraph(
    {
      // One resolver class per line: several people add to this list.
      resolvers: [
        ImportRowsResolver,
        OrganizationResolver,
        AggregatesResolver,
        RecordGroupResolver,
        JurisdictionResolver,
        RelationshipResolver,
        OrganizationAdminResolver,
        PersonAdminResolver,
        RelationshipAdminResolver,
        RatingAdminResolver,
        AuditTrailResolver,
        CertificationWritebackResolver,
        PersonResolver,
        PositionResolver,
        RatingResolver,
        HonourResolver,
        ActivityResolver,
        PlatformActivityResolver,
        LiaisonVisitResolver,
        DeliberationSessionResolver,
        JointMeetingResolver,
        RecordResolver,
        LoanResolver,
        MediationCaseResolver,
        CharityRecordResolver,
        InvestmentProjectResolver,
        TraversalResolver,
        OrganizationConnectionsResolver,
        PersonConnectionsResolver,
        StatisticsResolver,
        OrganizationCharityResolver,
        OrganizationEvaluationFactsResolver,
        EvaluationExpertsResolver,
        EvaluationWritebackResolver,
        ServiceCategoryResolver,
        RegistryChangesResolver,
        InspectionKeepingResolver,
        PenaltyKeepingResolver,
        ListKeepingResolver,
        CreditKeepingResolver,
        FactListsResolver,
        AnnualInspectionResolver,
        AdministrativePenaltyResolver,
        ListEntryResolver,
        CreditEntryResolver,
        IntegratorAdminResolver,
        IntegratorGrantResolver,
      ],
    },
    {
      Organization: {
        __resolveReference: (ref: { id: string }, { loaders }: RegistryContext) => loaders.organization.load(ref.id),
      },
    },
  );
}
