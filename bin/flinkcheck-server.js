#!/usr/bin/env node
// The `flinkcheck-server` command (the gRPC service). The code is compiled to dist/ by `npm run build` (run by `npm ci`).
try {
  await import('../dist/src/server/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('server/main.js')) {
    process.stderr.write('flinkcheck-server: not built yet; run `npm run build` first\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
