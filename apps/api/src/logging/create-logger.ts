import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel, Role } from '../config/parse-config.js';

/**
 * The process's root logger: JSON lines on stdout, one object per event, with the time as an
 * ISO string. Credentials never reach a log line: authorization headers, cookies and the
 * like are redacted wherever they appear.
 */
export function createLogger({
  level,
  role,
  destination,
}: {
  level: LogLevel;
  role?: Role;
  /** Defaults to stdout; tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}): Logger {
  const options = {
    level,
    base: { service: 'jornada', ...(role === undefined ? {} : { role }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
