import { byId, childrenOf, perRequest } from '../../common/loaders.js';
import type { ProcessesContext } from '../kit/context.js';
import { EvaluationApplication } from './application.js';
import { EvaluationCandidacy } from './candidacy.js';

/** The evaluation's per-request batching. */
export const evaluationLoaders = perRequest(({ em }: Pick<ProcessesContext, 'em'>) => ({
  application: byId(em, EvaluationApplication),
  candidacy: byId(em, EvaluationCandidacy),
  applicationsByOrganization: childrenOf(em, EvaluationApplication, 'organizationId', {
    updatedAt: 'desc',
    id: 'desc',
  }),
}));
