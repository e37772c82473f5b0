#!/usr/bin/env node
// The `flinkcheck` command. The code is compiled to dist/ by `npm run build` (run by `npm ci`).

// Output piped into a command that exits early (`flinkcheck check x | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli/main.js')) {
    process.stderr.write('flinkcheck: not built yet; run `npm run build` first\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
if (cli !== undefined) process.exitCode = await cli.main(process.argv);
