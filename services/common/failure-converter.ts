// Failures carry their message and stack trace in an encoded payload (so the payload codec
// encrypts them) instead of in plain fields of the history: a message may quote personal data.
// A module of its own, importing nothing but the SDK, because the SDK loads the failure
// converter by path: in clients and workers, and inside the workflow bundle
// (bundleWorkflowCode's failureConverterPath), where node: modules are not allowed.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
