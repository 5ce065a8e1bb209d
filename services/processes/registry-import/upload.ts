import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { RegistryImportFile } from './entities.js';
import type { ImportKind } from './formats.js';
import { fileRows, formatOf, ImportFileProblem } from './parse.js';
import { readHeader } from './rules.js';

// Keeping an uploaded file, whichever way its bytes came (base64 in GraphQL, or the raw body of
// POST /api/v1/imports/files): the name, format, header and every row's readability are checked
// first, and a file that cannot be imported as a whole is refused with nothing kept.

/**
 * Checks and stores `bytes` as an import file of `kind`; BAD_USER_INPUT (on `field`) for a file
 * that cannot be imported as a whole, or with more than `maxRows` data rows.
 */
export async function storeImportFile(
  em: EntityManager,
  upload: { kind: ImportKind; fileName: string; bytes: Buffer; uploadedBy: string; maxRows: number; field: string },
): Promise<RegistryImportFile> {
  const { kind, bytes, field } = upload;
  const name = upload.fileName.trim();
  if (!name || name.length > 200 || /[\u0000-\u001f\u007f/\\]/.test(name))
    throw badInput('文件名不能为空、不能超过 200 个字符，也不能含有控制字符或路径分隔符', 'fileName');
  if (bytes.length === 0) throw badInput('文件是空的', field);
  let rows = 0;
  let format;
  try {
    format = formatOf(name);
    let header = false;
    for await (const row of fileRows(format, bytes, upload.maxRows)) {
      if (!header) {
        readHeader(kind, row.cells);
        header = true;
      } else if (row.cells.some((cell) => cell.trim() !== '')) rows++;
    }
    if (!header) throw new ImportFileProblem('文件没有表头行');
  } catch (error) {
    if (error instanceof ImportFileProblem) throw badInput(error.message, field);
    throw error;
  }
  if (rows === 0) throw badInput('文件只有表头，没有数据行', field);
  const file = em.create(RegistryImportFile, {
    id: randomUUID(),
    kind,
    fileName: name,
    format,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    rows,
    content: bytes,
    uploadedBy: upload.uploadedBy,
  });
  await em.flush();
  return file;
}
