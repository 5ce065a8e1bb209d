import { Organization } from './entities/organization.js';
import { Relationship } from './entities/relationship.js';
import { Person } from './entities/person.js';
import { Position } from './entities/position.js';
import { Certification } from './entities/certification.js';
import { Rating } from './entities/rating.js';
import { Honour } from './entities/honour.js';
import { AuditEntry } from './entities/audit-entry.js';
import {
  CharityRecord,
  DeliberationIssue,
  DeliberationSession,
  InvestmentProject,
  JointMeeting,
  LiaisonVisit,
  Loan,
  MediationCase,
  PlatformActivity,
  RewardFundAllocation,
} from './entities/records.js';
import { AdministrativePenalty, AnnualInspection, ListEntry } from './entities/evaluation-facts.js';
import { CreditEntry, RewardGrant } from './entities/credit.js';
import { ServiceCategory } from './entities/service-category.js';
import { ChangeCommit, RegistryChange } from './entities/change.js';
import { Jurisdiction } from './entities/jurisdiction.js';
import { ImportBatch } from './entities/import-batch.js';
import { IntegratorClient, IntegratorSecret, IntegratorUsage } from './entities/integrator-client.js';
import { createOrm, type OrmSpec } from '../common/orm.js';

/** The registry service's tables; infra/db adds the migration list (services never import infra). */
export const registryOrmSpec: OrmSpec = {
  schema: 'registry',
  entities: [
    Organization,
    Relationship,
    Person,
    Position,
    Certification,
    Rating,
    Honour,
    AuditEntry,
    PlatformActivity,
    LiaisonVisit,
    DeliberationSession,
    DeliberationIssue,
    JointMeeting,
    Loan,
    MediationCase,
    CharityRecord,
    InvestmentProject,
    RewardFundAllocation,
    AnnualInspection,
    ImportBatch,
    AdministrativePenalty,
    ListEntry,
    CreditEntry,
    RewardGrant,
    ServiceCategory,
    RegistryChange,
    ChangeCommit,
    Jurisdiction,
    IntegratorClient,
    IntegratorSecret,
    IntegratorUsage,
  ],
};

export const createRegistryOrm = (databaseUrl: string, options?: Parameters<typeof createOrm>[2]) =>
  createOrm(registryOrmSpec, databaseUrl, options);
