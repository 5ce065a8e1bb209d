import { randomUUID } from 'node:crypto';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { ProcessesContext } from '../kit/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { requireUuid } from '../../common/ids.js';
import { hasRole } from '../../common/identity.js';
import { ORGANIZATION_ID, PROCESS_TYPE, STAGE } from '../../../workflows/human-task/search-attributes.js';
import {
  REGISTRY_IMPORT_PROCESS_TYPE,
  REGISTRY_IMPORT_WORKFLOW_TYPE,
  type RegistryImportInput,
} from '../../../workflows/registry-import/contracts.js';
import { ImportChange, ImportRowError, RegistryImport, RegistryImportFile } from './entities.js';
import { IMPORT_KINDS, KIND_WORDS, MAX_FILE_BYTES, MAX_ROWS, type ImportKind } from './formats.js';
import { storeImportFile } from './upload.js';
import { templateCsv } from './template.js';

// Who may import: Federation officers (keeping the registry is their daily work) and admins.
// The file is uploaded first (its bytes kept here with their hash), then the import started
// with its id: the workflow never carries the bytes.

export const ImportKindEnum = Object.fromEntries(IMPORT_KINDS.map((k) => [k, k])) as Record<ImportKind, ImportKind>;
registerEnumType(ImportKindEnum, {
  name: 'RegistryImportKind',
  description: 'ORGANIZATIONS 组织名录, INSPECTIONS 年检结果, PENALTIES 行政处罚, LIST_ENTRIES 名录列入移出',
});

const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';
const PAGE_MAX = 500;

@ObjectType({ description: 'The preview: counts of rows and what they would do' })
class ImportPreview {
  @Field(() => Int) rows!: number;
  @Field(() => Int, { description: 'Rows without errors' }) valid!: number;
  @Field(() => Int, { description: 'Rows with at least one error' }) invalid!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
}

@ObjectType({ description: 'What applying the import did' })
class ImportReport {
  @Field(() => Int) created!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int, { description: 'Rows the registry refused when applied (changed since the preview)' })
  refused!: number;
}

function pageArgs(first: number, offset: number) {
  if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX)
    throw badInput(`first 应在 1 至 ${PAGE_MAX} 之间`, 'first');
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset 不能为负数', 'offset');
  return { first, offset };
}

/** The bytes of a base64 text, or BAD_USER_INPUT. */
function decodeContent(contentBase64: string): Buffer {
  // Base64 takes 4 characters for 3 bytes: refuse before decoding what is too large anyway.
  if (contentBase64.length > Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4)
    throw badInput(`文件超过 ${MAX_FILE_BYTES / 1024} KiB 的上限；请拆成多个文件分别导入`, 'contentBase64');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) throw badInput('文件内容应为 base64 编码', 'contentBase64');
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_FILE_BYTES)
    throw badInput(`文件超过 ${MAX_FILE_BYTES / 1024} KiB 的上限；请拆成多个文件分别导入`, 'contentBase64');
  return bytes;
}

async function loadImport(ctx: ProcessesContext, id: string): Promise<RegistryImport> {
  const found = await ctx.em.findOne(RegistryImport, requireUuid(id));
  if (!found) throw notFound(`没有编号为 ${id} 的批量导入`);
  return found;
}

@Resolver(() => RegistryImport)
export class RegistryImportResolver {
  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => RegistryImportFile, {
    description:
      'FEDERATION_OFFICER or ADMIN: upload a CSV or XLSX file to import (base64); its header, rows and cells are checked for what makes the whole file unreadable',
  })
  async uploadRegistryImportFile(
    @Arg('kind', () => ImportKindEnum) kind: ImportKind,
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Ctx() ctx: ProcessesContext,
  ): Promise<RegistryImportFile> {
    return storeImportFile(ctx.em, {
      kind,
      fileName,
      bytes: decodeContent(contentBase64),
      uploadedBy: ctx.identity.subject,
      maxRows: MAX_ROWS,
      field: 'contentBase64',
    });
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Mutation(() => RegistryImport, {
    description:
      'FEDERATION_OFFICER or ADMIN: start importing a file you uploaded: a preview, then a second officer reviews it',
  })
  async startRegistryImport(
    @Arg('fileId', () => ID) fileId: string,
    @Ctx() ctx: ProcessesContext,
  ): Promise<RegistryImport> {
    const file = await ctx.em.findOne(RegistryImportFile, requireUuid(fileId, 'fileId'));
    if (!file) throw badInput(`没有编号为 ${fileId} 的上传文件`, 'fileId');
    if (file.uploadedBy !== ctx.identity.subject) throw forbidden('只有上传文件的人可以发起它的导入');
    if (await ctx.em.findOne(RegistryImport, { fileId: file.id }))
      throw badInput('这个文件已经发起过导入；要再导入请重新上传', 'fileId');
    const processId = randomUUID();
    const input: RegistryImportInput = {
      processId,
      workflowId: `registry-import-${processId}`,
      reviewTaskId: randomUUID(),
      fileId: file.id,
      sha256: file.sha256,
      kind: file.kind,
      fileName: file.fileName,
      uploadedBy: file.uploadedBy,
      // The review concerns the officer's Federation (the token's fed claim): a task must name an
      // organisation the registry has, or every inbox that lists it fails on its name.
      organizationId: ctx.identity.organizationIds[0] ?? ctx.identity.federationId ?? NO_ORGANIZATION,
    };
    const row = ctx.em.create(RegistryImport, {
      id: processId,
      workflowId: input.workflowId,
      stage: 'VALIDATING',
      kind: file.kind,
      fileId: file.id,
      fileName: file.fileName,
      sha256: file.sha256,
      uploadedBy: file.uploadedBy,
    });
    await ctx.em.flush();
    await ctx.temporal.workflow.start(REGISTRY_IMPORT_WORKFLOW_TYPE, {
      workflowId: input.workflowId,
      taskQueue: ctx.settings.taskQueue,
      args: [input],
      staticSummary: `批量导入 · ${KIND_WORDS[file.kind as ImportKind]} · ${file.fileName}`,
      typedSearchAttributes: [
        { key: PROCESS_TYPE, value: REGISTRY_IMPORT_PROCESS_TYPE },
        { key: ORGANIZATION_ID, value: input.organizationId },
        { key: STAGE, value: 'VALIDATING' },
      ],
    });
    return row;
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Query(() => RegistryImport, { description: 'FEDERATION_OFFICER or ADMIN: one bulk import, its preview and report' })
  registryImport(@Arg('id', () => ID) id: string, @Ctx() ctx: ProcessesContext): Promise<RegistryImport> {
    return loadImport(ctx, id);
  }

  @Authorized('FEDERATION_OFFICER', 'ADMIN')
  @Query(() => String, {
    description: 'FEDERATION_OFFICER or ADMIN: the template of an import file, as CSV (UTF-8 with BOM)',
  })
  registryImportTemplate(@Arg('kind', () => ImportKindEnum) kind: ImportKind): string {
    return templateCsv(kind);
  }

  @FieldResolver(() => ImportPreview, { nullable: true, description: 'Null while the file is being checked' })
  preview(@Root() run: RegistryImport): ImportPreview | null {
    return run.preview as ImportPreview | null;
  }

  @FieldResolver(() => Int, { description: 'How many errors the preview found' })
  errorCount(@Root() run: RegistryImport): number {
    return run.errors?.length ?? 0;
  }

  @FieldResolver(() => [ImportRowError], { description: "The rows' errors, by row (row, column, value, reason)" })
  errors(
    @Root() run: RegistryImport,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): ImportRowError[] {
    const page = pageArgs(first, offset);
    return (run.errors ?? []).slice(page.offset, page.offset + page.first);
  }

  @FieldResolver(() => ImportReport, { nullable: true, description: 'What applying it did; null until applied' })
  report(@Root() run: RegistryImport): ImportReport | null {
    return run.applied as ImportReport | null;
  }

  @FieldResolver(() => [ImportChange], { description: 'What each applied row did, by row' })
  async changes(
    @Root() run: RegistryImport,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: ProcessesContext,
  ): Promise<ImportChange[]> {
    const page = pageArgs(first, offset);
    if (!hasRole(ctx.identity, 'FEDERATION_OFFICER') && !hasRole(ctx.identity, 'ADMIN'))
      throw forbidden('只有工商联工作人员和管理员可以查看导入报告');
    await ctx.em.populate(run, ['changes']);
    return (run.changes ?? []).slice(page.offset, page.offset + page.first);
  }
}
