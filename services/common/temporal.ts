// How every part of the hub reaches Temporal, in one place: the worker, the processes subgraph,
// the tests and the replayer all connect and (de)serialise the same way, so a payload one of
// them encrypts the others can read, and a TLS or API-key setting cannot be missed in one of them.
import { readFileSync } from 'node:fs';
import { moduleFile } from './module-path.js';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter, LoadedDataConverter } from '@temporalio/common';
import type { HubConfig } from './config.js';
import { AesGcmPayloadCodec, type PlaintextPolicy } from './payload-codec.js';
import { assertProductionKeys } from './payload-keys.js';
import { temporalClientInterceptors } from './tracing.js';

/**
 * The failure converter's module (the SDK requires it by path). Workflow bundles must be built
 * with it too: bundleWorkflowCode({ failureConverterPath: FAILURE_CONVERTER_PATH }).
 */
export const FAILURE_CONVERTER_PATH = moduleFile('./failure-converter', import.meta.url);

type TemporalSettings = Pick<HubConfig, 'temporalAddress' | 'temporalTls' | 'temporalApiKey' | 'payloadKeys'>;

/** Address, mTLS (certificate files read now, so a wrong path fails at start) or API key. */
export function connectionOptions(settings: Omit<TemporalSettings, 'payloadKeys'>) {
  const tls = settings.temporalTls;
  return {
    address: settings.temporalAddress,
    // With only an API key the SDK turns TLS on by itself (as Temporal Cloud requires).
    tls: tls && {
      serverNameOverride: tls.serverName,
      serverRootCACertificate: tls.caPath ? readFileSync(tls.caPath) : undefined,
      clientCertPair:
        tls.certPath && tls.keyPath ? { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } : undefined,
    },
    apiKey: settings.temporalApiKey,
  };
}

/**
 * The payload codec (AES-256-GCM, services/common/payload-codec.ts) and failures whose message
 * and stack travel as an encoded payload too (services/common/failure-converter.ts). Plain
 * payloads are refused; `plaintext: 'accept'` is for replaying the repository's saved histories.
 */
export function hubDataConverter(
  settings: Pick<HubConfig, 'payloadKeys'>,
  env: NodeJS.ProcessEnv = process.env,
  plaintext: PlaintextPolicy = 'refuse',
): DataConverter {
  assertProductionKeys(settings.payloadKeys, env);
  return {
    payloadCodecs: [new AesGcmPayloadCodec(settings.payloadKeys, plaintext)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

/**
 * A client connection (gRPC in Node) to the configured Temporal frontend. The worker's
 * NativeConnection takes the same connectionOptions (services/processes/worker.ts); it is not
 * made here so that processes which only start and read runs never load the worker's Rust core.
 */
export const connectClient = (settings: TemporalSettings) => Connection.connect(connectionOptions(settings));

/**
 * A client in the hub's namespace that encrypts what it sends and decrypts what it reads, and in
 * a process that traces (services/common/tracing.ts) puts the trace context into its calls' headers.
 */
export function hubClient(
  connection: Connection,
  settings: Pick<HubConfig, 'temporalNamespace' | 'payloadKeys'>,
): Client {
  return new Client({
    connection,
    namespace: settings.temporalNamespace,
    dataConverter: hubDataConverter(settings),
    interceptors: { workflow: temporalClientInterceptors() },
  });
}

const readers = new WeakMap<LoadedDataConverter, LoadedDataConverter>();
/**
 * A client's converter for reading a whole history to show it (the admins' timeline): a history
 * holds plain payloads the hub did not write through its codec (the SDK core's marker data, the
 * search attributes), so the codec accepts them here. Reading acts on nothing; running does, and
 * the workers and clients that run refuse them (payload-codec.ts).
 */
export function historyReader(converter: LoadedDataConverter): LoadedDataConverter {
  let reader = readers.get(converter);
  if (!reader) {
    reader = {
      ...converter,
      payloadCodecs: converter.payloadCodecs.map((codec) =>
        codec instanceof AesGcmPayloadCodec ? codec.acceptingPlaintext() : codec,
      ),
    };
    readers.set(converter, reader);
  }
  return reader;
}
