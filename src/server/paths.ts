import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json and proto/ live), from src/server or dist/src/server alike. */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'proto'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('flinkcheck: cannot find the package root (package.json and proto/)');
    dir = parent;
  }
  return dir;
})();

export const PROTO_ROOT = join(PACKAGE_ROOT, 'proto');
export const SERVICE_PROTO = 'flinkcheck/v1/validation_service.proto';

const require = createRequire(import.meta.url);

/** Directory holding google/rpc/*.proto (google-proto-files). */
export const GOOGLE_PROTO_ROOT = dirname(require.resolve('google-proto-files/package.json'));
