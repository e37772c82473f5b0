import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './harness.js';

const exec = promisify(execFile);
const require = createRequire(import.meta.url);
const BUF = join(require.resolve('@bufbuild/buf/package.json'), '..', 'bin', 'buf');

describe('proto/', () => {
  it('is clean under buf lint STANDARD', async () => {
    const { stdout } = await exec(BUF, ['lint', '--error-format', 'json'], { cwd: ROOT });
    expect(stdout).toBe('');
  });

  it('has no map fields (reflection descriptors of maps break Go clients)', () => {
    const dir = join(ROOT, 'proto/flinkcheck/v1');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.proto'))) {
      expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/\bmap\s*</);
    }
  });
});

describe('Dockerfile', () => {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n').filter((l) => !l.startsWith('#'));
  const instructions = lines.join('\n').replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() !== '');

  it('builds in one stage and runs from another, as a non-root user under an init process', () => {
    expect(instructions.filter((l) => l.startsWith('FROM '))).toHaveLength(2);
    expect(instructions.some((l) => l.startsWith('COPY --from=build'))).toBe(true);
    const users = instructions.filter((l) => l.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    expect(instructions).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(instructions.find((l) => l.startsWith('CMD '))).toMatch(/^CMD \["node", "dist\/src\/server\/main.js"/);
  });

  it('checks health through the gRPC health service with the bundled probe', () => {
    const check = instructions.find((l) => l.startsWith('HEALTHCHECK '));
    expect(check).toMatch(/CMD \["node", "dist\/src\/server\/health-probe.js"\]$/);
  });
});

describe('deploy/kubernetes', () => {
  const docs = ['deployment.yaml', 'service.yaml', 'hpa.yaml'].flatMap((f) =>
    parseAllDocuments(readFileSync(join(ROOT, 'deploy/kubernetes', f), 'utf8')).map((d) => d.toJS() as Record<string, any>));
  const byKind = new Map(docs.map((d) => [d.kind as string, d]));

  it('probes readiness and liveness through grpc.health.v1 on the gRPC port', () => {
    const container = byKind.get('Deployment')!.spec.template.spec.containers[0];
    const grpcPort = container.ports.find((p: { name: string }) => p.name === 'grpc').containerPort;
    expect(container.readinessProbe.grpc).toEqual({ port: grpcPort, service: 'flinkcheck.v1.ValidationService' });
    expect(container.livenessProbe.grpc.port).toBe(grpcPort);
    expect(byKind.get('Deployment')!.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  it('exposes the pods through a Service and scales them with an HPA', () => {
    const labels = byKind.get('Deployment')!.spec.template.metadata.labels;
    expect(byKind.get('Service')!.spec.selector).toEqual(labels);
    expect(byKind.get('Service')!.spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['grpc', 'metrics']);
    const hpa = byKind.get('HorizontalPodAutoscaler')!;
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: byKind.get('Deployment')!.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });
});
