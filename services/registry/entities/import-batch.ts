import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

// A batch of a bulk import applied once (resolvers/import-rows.ts): the key the importer gave it
// and what each row did. A second call with the same key (a retried activity, a second
// approval) is answered from here and writes nothing.

export interface StoredRowOutcome {
  row: number;
  outcome: string;
  entityId: string | null;
  changedFields: string[];
  problems: { column: string; value: string; message: string }[];
}

@Entity({ tableName: 'import_batch' })
export class ImportBatch {
  @PrimaryKey({ type: 'text' }) key!: string;
  @Property({ type: 'text' }) actor!: string;
  @Property({ type: 'json' }) outcomes!: StoredRowOutcome[];
  @Property({ type: 'timestamptz' }) appliedAt: Date = new Date();
}
