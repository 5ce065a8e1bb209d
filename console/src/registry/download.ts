import { currentToken } from '../shell/session';

// The registry's exports (GET /export/<list>.<format>, docs/exports.md) need the caller's token
// in a header, which a plain link cannot send: the file is fetched and handed to the browser as
// a blob. A refusal comes back as the hub's JSON error, whose message is thrown for the page.

export type ExportFormat = 'csv' | 'xlsx';

export async function downloadExport(
  list: string,
  format: ExportFormat,
  filter: Record<string, unknown>,
  fileName: string,
): Promise<void> {
  const query = new URLSearchParams();
  if (Object.keys(filter).length > 0) query.set('filter', JSON.stringify(filter));
  const token = currentToken();
  const response = await fetch(`/export/${list}.${format}?${query.toString()}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[]; message?: string };
    throw new Error(body.errors?.[0]?.message ?? body.message ?? `HTTP ${response.status}`);
  }
  saveBlob(await response.blob(), `${fileName}.${format}`);
}

/** Hands bytes to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
