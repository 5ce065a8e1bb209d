import { RegistryRefused, RegistryUnavailable } from './client.js';
import { badInput, forbidden, HubError, notFound } from '../../common/errors.js';

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
