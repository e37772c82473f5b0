import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, status as Status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationServiceClient } from '../../src/server/server.js';
import { startProcess, type RunningProcess } from './harness.js';

// mTLS with throwaway certificates made by the openssl command: a CA, a server certificate for
// localhost, and a client certificate.

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

function makeCertificates(dir: string): void {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=flinkcheck test CA', '-keyout', 'ca.key', '-out', 'ca.pem'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  for (const name of ['server', 'client']) {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name === 'server' ? 'localhost' : 'flinkcheck test client'}`, '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', `${name}.pem`,
      ...(name === 'server' ? ['-extfile', 'server.ext'] : [])], dir);
  }
}

describe('mTLS', () => {
  let dir: string;
  let server: RunningProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flinkcheck-tls-'));
    makeCertificates(dir);
    server = await startProcess(['--workers', '1', '--tls-cert', join(dir, 'server.pem'), '--tls-key', join(dir, 'server.key'), '--tls-client-ca', join(dir, 'ca.pem')]);
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function call(creds: ReturnType<typeof credentials.createSsl> | ReturnType<typeof credentials.createInsecure>): Promise<{ error?: ServiceError; response?: { statements: unknown[] } }> {
    const Ctor = validationServiceClient();
    const client = new Ctor(`localhost:${server.port}`, creds) as unknown as Record<string, Function> & { close(): void };
    return new Promise((resolve) => {
      client.ValidateScript!({ sql: 'SELECT 1' }, { deadline: Date.now() + 10_000 }, (error: ServiceError | null, response: { statements: unknown[] }) => {
        client.close();
        resolve(error ? { error } : { response });
      });
    });
  }

  it('serves a client that presents a certificate signed by the client CA', async () => {
    const read = (f: string): Buffer => readFileSync(join(dir, f));
    const r = await call(credentials.createSsl(read('ca.pem'), read('client.key'), read('client.pem')));
    expect(r.error).toBeUndefined();
    expect(r.response!.statements).toHaveLength(1);
  });

  it('refuses a client without a certificate, and a plaintext client', async () => {
    const noCert = await call(credentials.createSsl(readFileSync(join(dir, 'ca.pem'))));
    expect(noCert.error?.code).toBe(Status.UNAVAILABLE);
    const plain = await call(credentials.createInsecure());
    expect(plain.error?.code).toBe(Status.UNAVAILABLE);
  });
});
