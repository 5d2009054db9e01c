import { ConfigError, DEFAULT_PORT, parseConfig } from './parse-config.js';

describe('parseConfig', () => {
  it('defaults PORT to 3000 when unset or empty', () => {
    expect(parseConfig({}).port).toBe(DEFAULT_PORT);
    expect(parseConfig({ PORT: '' }).port).toBe(3000);
    expect(parseConfig({ PORT: '   ' }).port).toBe(3000);
  });

  it.each([
    ['8080', 8080],
    ['0', 0],
    ['65535', 65_535],
    [' 4000 ', 4000],
  ])('accepts PORT=%j', (raw, port) => {
    expect(parseConfig({ PORT: raw }).port).toBe(port);
  });

  it.each(['abc', '80abc', '-1', '65536', '3000.5', '1e3', '0x10', '99999999'])(
    'rejects PORT=%j with one line naming the variable',
    (raw) => {
      expect(() => parseConfig({ PORT: raw })).toThrow(ConfigError);
      try {
        parseConfig({ PORT: raw });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain('PORT');
        expect(message).toContain(JSON.stringify(raw));
        expect(message).not.toContain('\n');
      }
    },
  );

  it('defaults ROLE to all and accepts api, worker and all', () => {
    expect(parseConfig({}).role).toBe('all');
    expect(parseConfig({ ROLE: '' }).role).toBe('all');
    for (const role of ['api', 'worker', 'all'] as const) expect(parseConfig({ ROLE: role }).role).toBe(role);
  });

  it.each(['API', 'workers', 'web'])('rejects ROLE=%j with one line naming the variable', (raw) => {
    expect(() => parseConfig({ ROLE: raw })).toThrow(
      new ConfigError(`Invalid ROLE ${JSON.stringify(raw)}: expected one of api, worker, all (default all).`),
    );
  });

  it('ignores unrelated variables', () => {
    expect(parseConfig({ PORT: '3001', HOME: '/root', NODE_ENV: 'production' })).toEqual({ port: 3001, role: 'all' });
  });
});
