import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Process } from '../kit/process.js';
import { ProcessType } from '../kit/catalog-enums.js';
import { REGISTRY_IMPORT_PROCESS_TYPE } from '../../../workflows/registry-import/contracts.js';
import type { RowError } from './rules.js';

// The import's tables: the uploaded file (its bytes and hash, never in workflow history) and
// the import's projection with its preview and report (kept here, not in history either).

/** An uploaded file, kept with its SHA-256 for the run that imports it. */
@ObjectType('RegistryImportFile', { description: 'An uploaded import file' })
@Entity({ tableName: 'registry_import_file' })
export class RegistryImportFile {
  [OptionalProps]?: 'uploadedAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id!: string;
  @Field(() => String) @Property({ type: 'text' }) kind!: string;
  @Field(() => String) @Property({ type: 'text' }) fileName!: string;
  @Field(() => String, { description: 'CSV or XLSX' }) @Property({ type: 'text' }) format!: string;
  @Field(() => String, { description: 'SHA-256 of the bytes, hex' }) @Property({ type: 'text' }) sha256!: string;
  @Field(() => Int) @Property({ type: 'integer' }) size!: number;
  @Field(() => Int, { description: 'Data rows (the header not counted)' }) @Property({ type: 'integer' }) rows!: number;
  @Property({ type: 'blob', lazy: true }) content!: Buffer;
  @Field(() => String) @Property({ type: 'text' }) uploadedBy!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) uploadedAt: Date = new Date();
}

@ObjectType({ description: "A row's problem: row, column, value and the reason in Chinese" })
export class ImportRowError {
  @Field(() => Int) row!: number;
  @Field(() => String) column!: string;
  @Field(() => String) value!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'What a row did when applied' })
export class ImportChange {
  @Field(() => Int) row!: number;
  @Field(() => String, { description: 'CREATED, CHANGED or UNCHANGED' }) outcome!: string;
  @Field(() => ID, { nullable: true }) entityId!: string | null;
  @Field(() => [String]) changedFields!: string[];
}

/** The projection of one import run (批量导入). */
@ObjectType({ description: 'A bulk import of registry rows from a file', implements: Process })
@Entity({ tableName: 'registry_import' })
@Index({ name: 'registry_import_uploaded_by_idx', properties: ['uploadedBy', 'createdAt'] })
export class RegistryImport {
  [OptionalProps]?:
    | 'createdAt'
    | 'processType'
    | 'preview'
    | 'errors'
    | 'validRows'
    | 'decision'
    | 'reviewedBy'
    | 'rejectionReason'
    | 'applied'
    | 'changes'
    | 'appliedAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id!: string;
  @Field(() => ProcessType) get processType(): string {
    return REGISTRY_IMPORT_PROCESS_TYPE;
  }
  @Field(() => String) @Property({ type: 'text', unique: true }) workflowId!: string;
  @Field(() => String) @Property({ type: 'text' }) stage!: string;
  @Field(() => String, { description: 'ORGANIZATIONS, INSPECTIONS, PENALTIES or LIST_ENTRIES' })
  @Property({ type: 'text' })
  kind!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) fileId!: string;
  @Field(() => String) @Property({ type: 'text' }) fileName!: string;
  @Field(() => String) @Property({ type: 'text' }) sha256!: string;
  @Field(() => String) @Property({ type: 'text' }) uploadedBy!: string;
  @Field(() => GraphQLISODateTime) @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  /** The preview: counts, and the rows' errors (at most MAX_KEPT_ERRORS are kept). */
  @Property({ type: 'json', nullable: true }) preview: Record<string, number> | null = null;
  @Property({ type: 'json', nullable: true }) errors: RowError[] | null = null;
  /** The valid rows as checked, to apply on approval. */
  @Property({ type: 'json', nullable: true, lazy: true }) validRows: unknown[] | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) decision: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) reviewedBy: string | null = null;
  @Field(() => String, { nullable: true, description: 'Why the reviewer rejected it, or why it failed' })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;
  @Property({ type: 'json', nullable: true }) applied: Record<string, number> | null = null;
  @Property({ type: 'json', nullable: true, lazy: true }) changes: ImportChange[] | null = null;
  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  appliedAt: Date | null = null;
}
