import type { AuthChecker } from 'type-graphql';
import { forbidden } from './errors.js';
import { hasRole, type Identity, type Role } from './identity.js';

// Who may call what: every query and mutation that is not open to every signed-in caller says
// so with type-graphql's @Authorized(roles...) beside its declaration, and this one checker
// (given to buildSchema by services/common/subgraph.ts) decides, for every subgraph. A rule
// that depends on the data (whose task, which organisation) stays with that data's code.

export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!hasRole(identity, ...roles)) {
    throw forbidden(
      `This needs the role ${roles.join(' or ')}; the token has ${identity.roles.join(', ') || 'no roles'}`,
    );
  }
}

/** @Authorized(): any signed-in caller (the context has proven the token); @Authorized(roles): one of them. */
export const authorizedRoles: AuthChecker<{ identity: Identity }, Role> = ({ context }, roles) => {
  if (roles.length) requireRole(context.identity, ...roles);
  return true;
};
