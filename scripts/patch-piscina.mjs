// One small patch to piscina (5.x) so that a server's pool cannot shrink for good.
//
// When a worker thread dies before it has finished starting (its module still loading or warming
// up), piscina sets a flag and from then on never replaces any worker that dies: "they already fail
// during bootstrap, there's no point". For a long-running service that turns one unlucky death (an
// out-of-memory kill, a thread terminated while it warms up) into a pool that shrinks to nothing
// while requests wait forever. Patched, piscina tries again one second later, and again after each
// failure, which also keeps a genuinely broken worker module from spinning.
//
// Idempotent, applied only when the known text is found; otherwise the file is left alone with a
// warning (the pool then behaves as upstream).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const path = join(root, 'node_modules', 'piscina', 'dist', 'index.js');
const marker = '/* flinkcheck: retry workers that fail during bootstrap */';
const original = `        else {
            // Do not start new workers over and over if they already fail during
            // bootstrap, there's no point.
            this.workerFailsDuringBootstrap = true;
        }`;
const patched = `        else {
            ${marker}
            this.workerFailsDuringBootstrap = true;
            setTimeout(() => {
                this.workerFailsDuringBootstrap = false;
                this._ensureMinimumWorkers();
            }, 1000).unref();
        }`;

if (existsSync(path)) {
  const text = readFileSync(path, 'utf8');
  if (text.includes(marker)) {
    // already patched
  } else if (text.split(original).length === 2) {
    writeFileSync(path, text.replace(original, patched));
    console.log('patch-piscina: workers that fail during bootstrap are retried after 1 s');
  } else {
    console.warn('patch-piscina: the bootstrap-failure branch does not match; left unpatched (a worker that dies while starting stops replacements)');
  }
}
