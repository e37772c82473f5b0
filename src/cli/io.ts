/**
 * Everything the CLI touches outside itself, so tests can run it in-process with strings in and
 * strings out. `processIo()` is the real thing.
 */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Read only when `-` is given. */
  readonly stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** Relative paths are resolved against this directory. */
  readonly cwd: string;
  /** Whether stdout is a terminal; colours are used only then. */
  readonly isTTY: boolean;
  /** Whether stderr is a terminal; progress bars are drawn only then. Missing means it is not. */
  readonly stderrIsTTY?: boolean;
  /** Environment variables the CLI reads (NO_COLOR). Missing means none are set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: process.stdin is created on first access, and only `-` needs it.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** A mistake in how the command was called: printed as one line, exit status 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help the user should read, e.g. `check`; undefined for the top level. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export const ExitCode = {
  /** No errors (warnings and infos allowed). */
  clean: 0,
  /** At least one error-severity diagnostic. */
  findings: 1,
  /** Usage error, unreadable input, or internal error. */
  usage: 2,
} as const;
