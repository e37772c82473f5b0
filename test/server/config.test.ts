import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/config.js';

describe('parseConfig', () => {
  it('reads flags over environment variables over defaults', () => {
    const config = parseConfig(['--port', '7000', '--workers', '3', '--catalog', 'a.sql', '--catalog', 'b.json'], {
      FLINKCHECK_PORT: '6000', FLINKCHECK_MAX_QUEUE: '9', FLINKCHECK_METRICS_PORT: 'off', FLINKCHECK_PROFILE: 'strict',
    });
    expect(config).toMatchObject({
      host: '127.0.0.1', port: 7000, workers: 3, maxQueue: 9, metricsPort: null, catalogFiles: ['a.sql', 'b.json'],
      defaultProfile: 'strict', tls: null, testHooks: false,
    });
  });

  it('derives the queue bound from the worker count and reads catalog lists from the environment', () => {
    const config = parseConfig(['--workers', '2'], { FLINKCHECK_CATALOGS: 'x.sql, y.sql' });
    expect(config).toMatchObject({ maxQueue: 128, catalogFiles: ['x.sql', 'y.sql'], metricsPort: 9464 });
  });

  it('configures TLS and mTLS', () => {
    expect(parseConfig(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {})).toMatchObject({ tls: { certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: null } });
    expect(parseConfig([], { FLINKCHECK_TLS_CERT: 'c', FLINKCHECK_TLS_KEY: 'k', FLINKCHECK_TLS_CLIENT_CA: 'ca' })).toMatchObject({ tls: { clientCaFile: 'ca' } });
  });

  it('rejects bad values with a message naming the flag', () => {
    expect(() => parseConfig(['--workers', '0'], {})).toThrow(new ConfigError("--workers must be an integer >= 1, got '0'"));
    expect(() => parseConfig(['--tls-cert', 'c.pem'], {})).toThrow(ConfigError);
    expect(() => parseConfig(['--tls-client-ca', 'ca.pem'], {})).toThrow('--tls-client-ca needs --tls-cert and --tls-key');
    expect(() => parseConfig(['--bogus'], {})).toThrow(ConfigError);
    expect(parseConfig(['--help'], {})).toBe('help');
  });
});
