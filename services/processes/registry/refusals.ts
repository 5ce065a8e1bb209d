import { ApplicationFailure } from '@temporalio/activity';
import { RegistryRefused, RegistryUnavailable } from './client.js';
import { badInput, forbidden, HubError, notFound } from '../../common/errors.js';
import { REGISTRY_REFUSED } from '../../../workflows/common/failures.js';

/**
 * A registry read made for a caller: the registry's refusal becomes the caller's error, naming
 * the argument that led to it; unavailability stays an internal error (masked, logged).
 */
export async function registryRead<T>(read: () => Promise<T>, field: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RegistryRefused) {
      if (error.code === 'NOT_FOUND') throw notFound(error.message);
      if (error.code === 'FORBIDDEN') throw forbidden(error.message);
      if (error.code === 'UNAUTHENTICATED') throw new HubError('UNAUTHENTICATED', error.message);
      throw badInput(error.message, field);
    }
    if (error instanceof RegistryUnavailable) throw new Error(`registry unavailable: ${error.message}`);
    throw error;
  }
}

/** An id the caller gave must name a registry record: NOT_FOUND is their bad input on that field. */
export async function registryReference<T>(read: () => Promise<T>, field: string): Promise<T> {
  try {
    return await registryRead(read, field);
  } catch (error) {
    if (error instanceof HubError && error.extensions.code === 'NOT_FOUND')
      throw badInput(`${field}: ${error.message}`, field);
    throw error;
  }
}

/** In an activity: a registry refusal does not change on a retry, so it fails the activity for good. */
export async function permanentOnRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RegistryRefused) throw ApplicationFailure.nonRetryable(error.message, REGISTRY_REFUSED);
    throw error;
  }
}
