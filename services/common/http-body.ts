import type { IncomingMessage } from 'node:http';

// Reading a GraphQL request body ourselves, so that every malformed body gets a JSON GraphQL
// error with a code (never body-parser's HTML page with a stack and file paths), and nothing
// unbounded happens before a limit was checked: the size while reading, the nesting depth
// before JSON.parse and before anything recursive walks the value.

/** A refusal of the HTTP request itself: answered as { errors: [...] } with this status. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
    /** More extensions for the answer (a subgraph's refusal names the signature's problem). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface BodyLimits {
  maxBodyBytes: number;
  maxJsonDepth: number;
}

/**
 * The parsed JSON body of a POST (undefined for GET, whose operation is in the query string).
 * `inspect` sees the body's exact text before it is parsed (a subgraph checks its signature
 * there) and may throw a BodyError.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limits: BodyLimits,
  inspect?: (text: string) => void,
): Promise<unknown> {
  if (req.method !== 'POST') {
    inspect?.('');
    return undefined;
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new BodyError(415, `Content-Encoding "${encoding}" is not accepted; send the body uncompressed`);
  }
  const type = req.headers['content-type'] ?? '';
  const [mediaType, ...parameters] = type.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json' && mediaType !== 'application/graphql-response+json') {
    throw new BodyError(415, `Content-Type "${type}" is not accepted; send application/json`);
  }
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BodyError(415, `Charset "${charset}" is not accepted; send UTF-8`);
  }
  const text = await readText(req, limits.maxBodyBytes);
  inspect?.(text);
  const depth = jsonDepth(text, limits.maxJsonDepth);
  if (depth > limits.maxJsonDepth) {
    throw new BodyError(
      400,
      `The body nests deeper than ${limits.maxJsonDepth} levels, the limit (MAX_JSON_DEPTH)`,
      'BAD_USER_INPUT',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The body as UTF-8 text, refused once it passes maxBytes (the rest is not read). */
async function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new BodyError(413, `The body is larger than ${maxBytes} bytes, the limit (MAX_BODY_BYTES)`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BodyError(400, 'The body is not valid UTF-8');
  }
}

/**
 * How deep arrays and objects nest in JSON text, counted without recursion (strings skipped),
 * stopping as soon as `stopAbove` is passed: a 10,000-deep variable is refused here instead
 * of overflowing the stack of whatever walks it later.
 */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
