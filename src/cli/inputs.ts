import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type CliIo } from './io.js';

/** One input to check: the name shown to the user and its raw bytes. */
export interface Input {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const STDIN_NAME = '<stdin>';

/** Directories with these names, and those whose name starts with `.`, are not searched. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * Turns command-line paths into inputs, in order: a file is read as given (whatever its
 * extension), a directory is searched recursively for `*.sql` files (sorted, hidden directories
 * and node_modules skipped, symbolic links to directories not followed), and `-` reads standard
 * input. A file reached twice is read once. Missing paths, unreadable files and directories without
 * SQL files are usage errors, all reported together before anything is checked.
 */
export async function readInputs(paths: readonly string[], io: CliIo, command: string): Promise<Input[]> {
  const problems: string[] = [];
  const inputs: Input[] = [];
  const seen = new Set<string>();
  let stdinRead = false;

  for (const given of paths) {
    if (given === '-') {
      if (stdinRead) {
        problems.push('standard input (`-`) can be given only once');
        continue;
      }
      stdinRead = true;
      inputs.push({ name: STDIN_NAME, bytes: await readAll(io.stdin) });
      continue;
    }
    const absolute = path.resolve(io.cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch (error) {
      problems.push(describeFsError(error, given));
      continue;
    }
    let files = [given];
    if (isDirectory) {
      try {
        files = (await sqlFilesUnder(absolute)).map((rel) => path.join(given, rel));
      } catch (error) {
        const where = (error as NodeJS.ErrnoException).path;
        problems.push(describeFsError(error, where === undefined ? given : path.relative(io.cwd, where) || '.'));
        continue;
      }
    }
    if (isDirectory && files.length === 0) {
      problems.push(`no .sql files found in \`${given}\``);
      continue;
    }
    for (const name of files) {
      const file = path.resolve(io.cwd, name);
      if (seen.has(file)) continue;
      seen.add(file);
      try {
        inputs.push({ name, bytes: await readFile(file) });
      } catch (error) {
        problems.push(describeFsError(error, name));
      }
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'), command);
  return inputs;
}

/** Relative paths of the `*.sql` files under `root`, sorted by code unit so the order is stable everywhere. */
export async function sqlFilesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const entryRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
        await walk(full, entryRel);
      } else if (isSqlName(entry.name)) {
        if (entry.isFile()) found.push(entryRel);
        else if (entry.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => false))) found.push(entryRel);
      }
    }
  };
  await walk(root, '');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isSqlName(name: string): boolean {
  return name.toLowerCase().endsWith('.sql');
}

async function readAll(stream: CliIo['stdin']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}

function describeFsError(error: unknown, name: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `cannot find \`${name}\`: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read \`${name}\`: permission denied`;
    case 'EISDIR':
      return `cannot read \`${name}\`: it is a directory`;
    default:
      return `cannot read \`${name}\`: ${error instanceof Error ? error.message : String(error)}`;
  }
}
