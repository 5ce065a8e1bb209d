import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { identify, tokenVerifier, type Identity } from '../common/identity.js';
import type { HubConfig } from '../common/config.js';
import type { RegistryClient } from './registry/client.js';
import { createProcessesLoaders, type ProcessesLoaders } from './loaders.js';

export interface ProcessesContext {
  identity: Identity;
  /** The caller's Authorization header, passed on to the registry. */
  authorization: string;
  em: EntityManager;
  loaders: ProcessesLoaders;
  temporal: Client;
  registry: RegistryClient;
  settings: HubConfig;
}

export function processesContext(deps: {
  orm: MikroORM;
  temporal: Client;
  registry: RegistryClient;
  settings: HubConfig;
}) {
  const verify = tokenVerifier(deps.settings); // the hub's own tokens and, when configured, the OIDC issuer's
  return async (req: IncomingMessage): Promise<ProcessesContext> => {
    const identity = await identify(req.headers.authorization, verify);
    const em = deps.orm.em.fork();
    return {
      identity,
      authorization: req.headers.authorization!,
      em,
      loaders: createProcessesLoaders(em, identity),
      temporal: deps.temporal,
      registry: deps.registry,
      settings: deps.settings,
    };
  };
}
