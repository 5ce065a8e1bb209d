// The largest import file POST /api/v1/imports/files takes (its raw bytes, streamed): the gateway
// cuts an upload off at this size and the processes service, which keeps the file, refuses it too.
// A file this size applies well within the import activities' 10 minutes (docs/benchmarks.md).
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
