import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, type CliIo } from '../../src/cli/main.js';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly stdin?: string | Uint8Array;
  readonly isTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
}

/** Runs the CLI in-process with the given arguments (after the program name). */
export async function runCli(args: readonly string[], options: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stdin = options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin];
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin,
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding the given files (paths relative to it, `/`-separated). */
export async function tempTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'flinkcheck-test-'));
  created.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, ...name.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return root;
}

const created: string[] = [];

/** Removes every directory made by tempTree (call from afterAll). */
export async function removeTempTrees(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
