// Every workflow the worker serves (the bundle's entry point).
export { trainingEnrollment } from './training/workflow.js';
export { evaluationCampaign } from './evaluation/campaign.js';
export { evaluationApplication } from './evaluation/application.js';
export { procurement } from './procurement/workflow.js';
export { runBatch } from './operations/batch.js';
