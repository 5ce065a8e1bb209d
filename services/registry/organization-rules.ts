// Moved to rules/organization.ts; this path stays for the seed's import.
export { organizationViolations, type OrganizationDraft, type RuleViolation } from './rules/organization.js';
