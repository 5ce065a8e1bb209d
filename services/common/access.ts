import { forbidden } from './errors.js';
import { hasRole, type Identity, type Role } from './identity.js';

export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!hasRole(identity, ...roles)) {
    throw forbidden(
      `This needs the role ${roles.join(' or ')}; the token has ${identity.roles.join(', ') || 'no roles'}`,
    );
  }
}
