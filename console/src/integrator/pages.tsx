import type { ConsolePage } from '../shell/routes';

// The integrators' page: the offline GraphQL IDE.
export const integratorPages: ConsolePage[] = [];
