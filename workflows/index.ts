// Every workflow the worker serves (the bundle's entry point).
export { trainingEnrollment } from './training/workflow.js';
