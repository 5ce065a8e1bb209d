import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { identify, tokenVerifier, type Identity } from '../../common/identity.js';
import type { HubConfig } from '../../common/config.js';
import type { RegistryClient } from '../registry/client.js';
import type { ProcessCatalog } from './process-catalog.js';
import { createTaskLoaders, type TaskLoaders } from './task-loaders.js';

export interface ProcessesContext {
  identity: Identity;
  /** The caller's Authorization header, passed on to the registry. */
  authorization: string;
  em: EntityManager;
  /** The task kit's loaders; each process keeps its own (e.g. training/loaders.ts). */
  loaders: TaskLoaders;
  temporal: Client;
  registry: RegistryClient;
  settings: HubConfig;
  /** The processes this service runs: the plumbing looks them up here, never by import. */
  catalog: ProcessCatalog<ProcessesContext>;
}

export function processesContext(deps: {
  orm: MikroORM;
  temporal: Client;
  registry: RegistryClient;
  settings: HubConfig;
  catalog: ProcessCatalog<ProcessesContext>;
}) {
  const verify = tokenVerifier(deps.settings); // the hub's own tokens and, when configured, the OIDC issuer's
  return async (req: IncomingMessage): Promise<ProcessesContext> => {
    const identity = await identify(req.headers.authorization, verify);
    const em = deps.orm.em.fork();
    return {
      identity,
      authorization: req.headers.authorization!,
      em,
      loaders: createTaskLoaders(em, identity),
      temporal: deps.temporal,
      registry: deps.registry,
      settings: deps.settings,
      catalog: deps.catalog,
    };
  };
}
