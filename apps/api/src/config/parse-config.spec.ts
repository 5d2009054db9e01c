import path from 'node:path';
import { ConfigError, DEFAULT_PORT, parseConfig, type ApiConfig } from './parse-config.js';

const ROOT = '/srv/jornada';
const CWD = '/home/me/elsewhere';
const SECRET = 's'.repeat(32);

function parse(env: Record<string, string | undefined>): ApiConfig {
  return parseConfig({ env, cwd: CWD, installRoot: ROOT });
}

/** The ConfigError message for `env`, checked to be one line. */
function errorOf(env: Record<string, string | undefined>): string {
  try {
    parse(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('parseConfig', () => {
  it('has working defaults for an empty environment (embedded mode)', () => {
    expect(parse({})).toEqual({
      port: 3000,
      role: 'all',
      database: { mode: 'embedded' },
      databasePoolSize: 10,
      databasePreparedStatements: true,
      redisUrl: undefined,
      redisPrefix: 'jornada',
      dataDir: path.join(ROOT, '.jornada'),
      appSecret: undefined,
      admin: undefined,
      logLevel: 'info',
      seedDemo: true,
      bodyLimit: { bytes: 1024 * 1024, text: '1mb' },
      httpRequest: { allowPrivate: false, allowedHosts: [], maxResponse: { bytes: 1024 * 1024, text: '1mb' } },
      production: false,
      outboundRateLimits: {},
      inboundBatchSize: 32,
      runStoredHere: 1024,
    });
  });

  it('reads RUN_STORED_HERE, 0 to 100,000, and names it when it cannot', () => {
    expect(parse({ RUN_STORED_HERE: '0' }).runStoredHere).toBe(0);
    expect(parse({ RUN_STORED_HERE: '64' }).runStoredHere).toBe(64);
    expect(() => parse({ RUN_STORED_HERE: '-1' })).toThrow(/RUN_STORED_HERE/);
    expect(() => parse({ RUN_STORED_HERE: 'lots' })).toThrow(/RUN_STORED_HERE/);
  });

  it('reads the inbound batch size, 1 to 256, and names INBOUND_BATCH_SIZE when it cannot', () => {
    expect(parse({ INBOUND_BATCH_SIZE: '1' }).inboundBatchSize).toBe(1);
    expect(parse({ INBOUND_BATCH_SIZE: '64' }).inboundBatchSize).toBe(64);
    expect(() => parse({ INBOUND_BATCH_SIZE: '0' })).toThrow(/INBOUND_BATCH_SIZE/);
    expect(() => parse({ INBOUND_BATCH_SIZE: 'many' })).toThrow(/INBOUND_BATCH_SIZE/);
  });

  it('reads DATABASE_POOL_SIZE, and refuses anything but a whole number from 1 to 1000', () => {
    expect(parse({ DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40);
    for (const raw of ['0', '1001', '1e2', '10abc', '-5', '2.5']) {
      expect(errorOf({ DATABASE_POOL_SIZE: raw })).toBe(`Invalid DATABASE_POOL_SIZE ${JSON.stringify(raw)}: expected an integer from 1 to 1000 (default 10).`);
    }
  });

  it('reads DATABASE_PREPARED_STATEMENTS (on by default), for a pooler that cannot keep prepared statements', () => {
    expect(parse({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
    expect(parse({ DATABASE_PREPARED_STATEMENTS: 'true' }).databasePreparedStatements).toBe(true);
    expect(() => parse({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(/^Invalid DATABASE_PREPARED_STATEMENTS/);
  });

  it('reads REDIS_PREFIX, and refuses one that would not make a clean key', () => {
    expect(parse({ REDIS_PREFIX: 'shop-a' }).redisPrefix).toBe('shop-a');
    expect(() => parse({ REDIS_PREFIX: 'has space' })).toThrow(/^Invalid REDIS_PREFIX/);
  });

  it('reads outbound rate limits per channel, and names OUTBOUND_RATE_LIMITS when it cannot', () => {
    expect(parse({ OUTBOUND_RATE_LIMITS: 'whatsapp=250,sms=3' }).outboundRateLimits).toEqual({ whatsapp: 250, sms: 3 });
    expect(() => parse({ OUTBOUND_RATE_LIMITS: 'whatsapp=lots' })).toThrow(/^Invalid OUTBOUND_RATE_LIMITS/);
  });

  it('treats empty and blank values as unset', () => {
    expect(
      parse({ PORT: '', ROLE: ' ', DATABASE_URL: '', DATA_DIR: '', LOG_LEVEL: '', SEED_DEMO: '', BODY_LIMIT: '', HTTP_REQUEST_ALLOW_PRIVATE: '', HTTP_REQUEST_ALLOWED_HOSTS: ' ', HTTP_REQUEST_MAX_RESPONSE: '' }),
    ).toEqual(parse({}));
  });

  describe('PORT', () => {
    it.each([
      ['8080', 8080],
      ['0', 0],
      ['65535', 65_535],
      [' 4000 ', 4000],
    ])('accepts %j', (raw, port) => {
      expect(parse({ PORT: raw }).port).toBe(port);
    });

    it.each(['abc', '80abc', '-1', '65536', '3000.5', '1e3', '0x10', '99999999'])('refuses %j naming the variable', (raw) => {
      expect(errorOf({ PORT: raw })).toBe(`Invalid PORT ${JSON.stringify(raw)}: expected an integer from 0 to 65535 (default ${String(DEFAULT_PORT)}).`);
    });
  });

  describe('ROLE', () => {
    it('accepts api, worker and all', () => {
      for (const role of ['api', 'worker', 'all'] as const) expect(parse({ ROLE: role }).role).toBe(role);
    });

    it.each(['API', 'workers', 'web'])('refuses %j', (raw) => {
      expect(errorOf({ ROLE: raw })).toBe(`Invalid ROLE ${JSON.stringify(raw)}: expected one of api, worker, all (default all).`);
    });
  });

  describe('DATABASE_URL', () => {
    it('selects an external server', () => {
      expect(parse({ DATABASE_URL: 'postgres://u:p@db:5432/jornada' }).database).toEqual({ mode: 'external', url: 'postgres://u:p@db:5432/jornada' });
      expect(parse({ DATABASE_URL: 'postgresql://db/jornada' }).database.mode).toBe('external');
    });

    it.each(['mysql://u@db/x', 'not a url', 'postgres://'])('refuses %j', (raw) => {
      expect(errorOf({ DATABASE_URL: raw })).toMatch(/^Invalid DATABASE_URL .*expected postgres:\/\/user:password@host:5432\/database/);
    });

    it('never prints the password of a refused URL', () => {
      expect(errorOf({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).not.toContain('hunter2');
      expect(errorOf({ DATABASE_URL: 'postgres://admin:hunter2@' })).not.toContain('hunter2');
    });
  });

  describe('REDIS_URL', () => {
    it('accepts redis:// and rediss://', () => {
      expect(parse({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
      expect(parse({ REDIS_URL: 'rediss://:pw@cache:6380/1' }).redisUrl).toBe('rediss://:pw@cache:6380/1');
    });

    it('refuses anything else, without echoing a password', () => {
      const message = errorOf({ REDIS_URL: 'http://:secretpw@cache:6379' });
      expect(message).toMatch(/^Invalid REDIS_URL /);
      expect(message).not.toContain('secretpw');
    });
  });

  describe('DATA_DIR', () => {
    it('defaults to .jornada in the install root, wherever the process runs from', () => {
      expect(parse({}).dataDir).toBe('/srv/jornada/.jornada');
    });

    it('resolves a relative path against the working directory, like any command-line path', () => {
      expect(parse({ DATA_DIR: 'data' }).dataDir).toBe('/home/me/elsewhere/data');
      expect(parse({ DATA_DIR: '/var/lib/jornada' }).dataDir).toBe('/var/lib/jornada');
    });
  });

  describe('APP_SECRET', () => {
    it('is optional outside production (then it comes from DATA_DIR)', () => {
      expect(parse({}).appSecret).toBeUndefined();
      expect(parse({ APP_SECRET: SECRET }).appSecret).toBe(SECRET);
    });

    it('needs at least 32 characters, and is never echoed', () => {
      const message = errorOf({ APP_SECRET: 'short-secret' });
      expect(message).toBe('Invalid APP_SECRET: expected at least 32 characters, got 12 (e.g. `openssl rand -base64 48`).');
      expect(message).not.toContain('short-secret');
    });

    it('is required when NODE_ENV=production', () => {
      expect(errorOf({ NODE_ENV: 'production' })).toMatch(/^APP_SECRET is required when NODE_ENV=production/);
      expect(parse({ NODE_ENV: 'production', APP_SECRET: SECRET })).toMatchObject({ production: true, appSecret: SECRET });
    });
  });

  describe('ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    it('takes both', () => {
      expect(parse({ ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'correct horse' }).admin).toEqual({
        email: 'owner@example.com',
        password: 'correct horse',
      });
    });

    it('refuses one without the other', () => {
      expect(errorOf({ ADMIN_EMAIL: 'owner@example.com' })).toBe('ADMIN_EMAIL is set but ADMIN_PASSWORD is not: set both, or neither.');
      expect(errorOf({ ADMIN_PASSWORD: 'correct horse' })).toBe('ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both, or neither.');
    });

    it('refuses a short password without echoing it, and a malformed email', () => {
      const message = errorOf({ ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'secret123' });
      expect(message).toBe('Invalid ADMIN_PASSWORD: expected at least 10 characters, got 9.');
      expect(errorOf({ ADMIN_EMAIL: 'owner', ADMIN_PASSWORD: 'correct horse' })).toBe(
        'Invalid ADMIN_EMAIL "owner": expected an email address such as owner@example.com.',
      );
    });
  });

  describe('LOG_LEVEL, SEED_DEMO, BODY_LIMIT', () => {
    it('accepts pino levels', () => {
      expect(parse({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
      expect(errorOf({ LOG_LEVEL: 'verbose' })).toBe(
        'Invalid LOG_LEVEL "verbose": expected one of fatal, error, warn, info, debug, trace, silent (default info).',
      );
    });

    it.each([
      ['false', false],
      ['0', false],
      ['no', false],
      ['TRUE', true],
      ['1', true],
    ])('reads SEED_DEMO=%j', (raw, value) => {
      expect(parse({ SEED_DEMO: raw }).seedDemo).toBe(value);
    });

    it('refuses a SEED_DEMO that is not a boolean', () => {
      expect(errorOf({ SEED_DEMO: 'maybe' })).toBe('Invalid SEED_DEMO "maybe": expected true or false (default true).');
    });

    it.each([
      ['512kb', 512 * 1024, '512kb'],
      ['2MB', 2 * 1024 * 1024, '2mb'],
      ['100 kb', 100 * 1024, '100kb'],
      ['2048', 2048, '2048'],
    ])('reads BODY_LIMIT=%j', (raw, bytes, text) => {
      expect(parse({ BODY_LIMIT: raw }).bodyLimit).toEqual({ bytes, text });
    });

    it.each(['1gb', '0', 'lots', '101mb', '-1kb'])('refuses BODY_LIMIT=%j', (raw) => {
      expect(errorOf({ BODY_LIMIT: raw })).toMatch(/^Invalid BODY_LIMIT .*expected a size such as 512kb or 1mb, from 1b to 100mb \(default 1mb\)\.$/);
    });
  });

  describe('HTTP_REQUEST_ALLOW_PRIVATE, HTTP_REQUEST_ALLOWED_HOSTS, HTTP_REQUEST_MAX_RESPONSE', () => {
    it('reads the private-network switch', () => {
      expect(parse({ HTTP_REQUEST_ALLOW_PRIVATE: 'true' }).httpRequest.allowPrivate).toBe(true);
      expect(parse({ HTTP_REQUEST_ALLOW_PRIVATE: 'off' }).httpRequest.allowPrivate).toBe(false);
      expect(errorOf({ HTTP_REQUEST_ALLOW_PRIVATE: 'sometimes' })).toBe('Invalid HTTP_REQUEST_ALLOW_PRIVATE "sometimes": expected true or false (default false).');
    });

    it('reads the allow-list of hosts, wildcards and ranges', () => {
      expect(parse({ HTTP_REQUEST_ALLOWED_HOSTS: 'Store.Local, *.shop.internal, 10.0.0.0/8, ::1' }).httpRequest.allowedHosts).toEqual([
        { kind: 'host', host: 'store.local' },
        { kind: 'domain', domain: 'shop.internal' },
        { kind: 'range', range: { family: 4, base: 0x0a000000n, prefix: 8 }, text: '10.0.0.0/8' },
        { kind: 'range', range: { family: 6, base: 1n, prefix: 128 }, text: '::1' },
      ]);
    });

    it.each([
      ['10.0.0.1/8', 'Invalid HTTP_REQUEST_ALLOWED_HOSTS entry "10.0.0.1/8": it has host bits set: did you mean 10.0.0.0/8?'],
      ['store.local, https://x.example', 'Invalid HTTP_REQUEST_ALLOWED_HOSTS entry "https://x.example": not an IP address or CIDR range'],
      ['store local', 'Invalid HTTP_REQUEST_ALLOWED_HOSTS entry "store local": not a host name, *.domain, IP address or CIDR range'],
    ])('refuses HTTP_REQUEST_ALLOWED_HOSTS=%j naming the entry', (raw, start) => {
      expect(errorOf({ HTTP_REQUEST_ALLOWED_HOSTS: raw })).toBe(
        `${start} (expected a comma-separated list of host names, *.domains, IP addresses or CIDR ranges, e.g. store.local,10.0.0.0/8).`,
      );
    });

    it('reads the response size limit like BODY_LIMIT', () => {
      expect(parse({ HTTP_REQUEST_MAX_RESPONSE: '256kb' }).httpRequest.maxResponse).toEqual({ bytes: 256 * 1024, text: '256kb' });
      expect(errorOf({ HTTP_REQUEST_MAX_RESPONSE: 'huge' })).toBe(
        'Invalid HTTP_REQUEST_MAX_RESPONSE "huge": expected a size such as 512kb or 1mb, from 1b to 100mb (default 1mb).',
      );
    });
  });

  it('ignores unrelated variables', () => {
    expect(parse({ HOME: '/root', PATH: '/bin' })).toEqual(parse({}));
  });
});
