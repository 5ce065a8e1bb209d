import 'reflect-metadata'; // the registry's entities and type-graphql need it before anything else loads
import { readConfig } from '../../services/common/config.js';
import { configureLogs } from '../../services/common/log.js';
import { startRegistry } from '../../services/registry/main.js';
import { startGateway } from '../../services/gateway/main.js';

// The bench's `local` way: the registry subgraph and the gateway in one process, the gateway
// calling the registry's Apollo Server without HTTP (the deployment SUBGRAPHS_IN_PROCESS gives
// `npm start`, infra/dev/hub.ts), configured through the environment like the other children.

const settings = readConfig();
configureLogs(settings.log);
const registry = await startRegistry(settings);
const gateway = await startGateway(settings, { inProcess: { registry: registry.local } });
process.once('SIGTERM', () => {
  void gateway
    .stop()
    .then(() => registry.stop())
    .finally(() => process.exit(0));
});
