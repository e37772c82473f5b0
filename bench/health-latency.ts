/**
 * Child process of bench/load.ts: calls Health/Check every 20 ms for a while and prints the
 * latencies (ms) as JSON. It runs apart from the load clients so that their event loop does not
 * delay its calls: what it measures is the server.
 */
import { credentials, loadPackageDefinition, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';

const [address, durationText] = process.argv.slice(2);
const pkg = loadPackageDefinition(loadSync(protoPath, { keepCase: true, enums: String })) as unknown as { grpc: { health: { v1: GrpcObject } } };
const Health = pkg.grpc.health.v1.Health as ServiceClientConstructor;
const client = new Health(address!, credentials.createInsecure()) as unknown as {
  Check(req: object, opts: object, cb: (e: Error | null) => void): void;
  close(): void;
};
const check = (): Promise<void> => new Promise((resolve, reject) => client.Check({ service: '' }, { deadline: Date.now() + 5_000 }, (e) => (e ? reject(e) : resolve())));

await check();
const latencies: number[] = [];
const until = Date.now() + Number(durationText);
while (Date.now() < until) {
  const t0 = performance.now();
  await check();
  latencies.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 20));
}
client.close();
process.stdout.write(`${JSON.stringify(latencies)}\n`);
