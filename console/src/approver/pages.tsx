import type { ConsolePage } from '../shell/routes';

// The approvers' pages (inbox, task page, decision form, comments): see console/README.md.
export const approverPages: ConsolePage[] = [];
