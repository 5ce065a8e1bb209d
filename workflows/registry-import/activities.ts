import type { ImportApplied, ImportStage, ImportSummary } from './contracts.js';

/** What the import's workflow asks of the processes service (services/processes/registry-import/activities.ts). */
export interface RegistryImportActivities {
  /** Reads the stored file, checks every row (with the registry's dry run) and keeps the preview. */
  previewImport(input: { importId: string; sha256: string }): Promise<ImportSummary>;
  /** Applies the rows without errors in batches, each once by its key; keeps the report. */
  applyImport(input: { importId: string }): Promise<ImportApplied>;
  /** Records where the import stands and who decided. */
  recordImportStage(input: {
    importId: string;
    stage: ImportStage;
    decision?: string | null;
    reviewedBy?: string | null;
    reason?: string | null;
  }): Promise<void>;
}
