import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

// What every command-line script of the hub does with its arguments (npm run token, migrate,
// seed, schema, worker, migration:create, bench:*): `--help` prints its usage and exits 0
// before anything starts; a flag it does not know, or a value it cannot use, is one line on
// stderr and exit code 2 (no stack trace). It lives in services/common, not infra, because the
// worker is one of those scripts and services never import infra. Whether a file is the script
// node runs is entry.ts's one check.

export interface CliSpec<O extends ParseArgsOptionsConfig> {
  /** The command as a person types it, with its flags: `npm run token -- --role <role> [--hours 12]`. */
  usage: string;
  /** What it does, in a line or a few (printed under the usage by --help). */
  about: string;
  options?: O;
  /** Positional arguments it takes, at most this many (none when omitted). */
  positionals?: { min: number; max: number };
}

/** The script's name in messages: the npm script when run through npm, else the file. */
function scriptName(): string {
  const event = process.env.npm_lifecycle_event;
  return event && event !== 'npx' ? `npm run ${event}` : (process.argv[1]?.split('/').pop() ?? 'script');
}

/** One line on stderr and exit code 2: the caller's mistake, not the program's. */
export function usageError(message: string): never {
  console.error(`${scriptName()}: ${message.replace(/\s*\n\s*/g, ' ')} (--help shows the usage)`);
  process.exit(2);
}

/** Reads the arguments as `spec` says, or answers --help / a bad argument and exits (see the top). */
export function parseCli<O extends ParseArgsOptionsConfig>(spec: CliSpec<O>, args = process.argv.slice(2)) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`usage: ${spec.usage}\n\n${spec.about}`);
    process.exit(0);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: (spec.options ?? {}) as O,
      allowPositionals: !!spec.positionals,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  const count = parsed.positionals.length;
  if (spec.positionals && (count < spec.positionals.min || count > spec.positionals.max))
    usageError(
      `expected ${spec.positionals.min}-${spec.positionals.max} arguments, got ${count}; usage: ${spec.usage}`,
    );
  return parsed;
}
