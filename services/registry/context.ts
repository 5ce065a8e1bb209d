import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from '../common/config.js';
import { identify, tokenVerifier, type Identity, type TokenVerifier } from '../common/identity.js';
import { createRegistryLoaders, type RegistryLoaders } from './loaders.js';

export interface RegistryContext {
  identity: Identity;
  em: EntityManager;
  loaders: RegistryLoaders;
}

/** Each request: the caller's verified identity, its own EntityManager fork and loaders. */
export function registryContext(
  orm: MikroORM,
  settings: Pick<HubConfig, 'jwtSecret' | 'oidc' | 'tokenMaxLifetimeMs'>,
  // The hub's own tokens and, when configured, the OIDC issuer's (one verifier for GraphQL and exports).
  verify: TokenVerifier = tokenVerifier(settings),
) {
  return async (req: IncomingMessage): Promise<RegistryContext> => {
    const identity = await identify(req.headers.authorization, verify);
    const em = orm.em.fork();
    return { identity, em, loaders: createRegistryLoaders(em) };
  };
}
