import type { OrganizationKind, PositionRole, RelationshipType } from '../../services/registry/entities/kinds.js';

// Seed rows name each other by natural key ("wenzhou", "bank-nanhu"); ids are seedId(key).

export interface SeedOrganization {
  key: string;
  name: string;
  shortName?: string;
  englishName?: string;
  kind: OrganizationKind;
  regionCode: string;
  homeRegionCode?: string;
  creditCode?: string;
}

export interface SeedEdge {
  type: RelationshipType;
  from: string;
  to: string;
  validFrom: string;
  validTo?: string;
  attributes?: Record<string, unknown>;
}

export interface SeedPerson {
  key: string;
  name: string;
}

export interface SeedPosition {
  person: string;
  org: string;
  role: PositionRole;
  validFrom: string;
  validTo?: string;
}
