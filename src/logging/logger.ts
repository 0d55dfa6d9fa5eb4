import pino from 'pino';
import { SECRET_FIELDS, serializeError } from './log-redaction';

export type Logger = pino.Logger;

/**
 * One JSON line per event (pino): what log collectors read without parsing rules. Credentials
 * are censored by field name and errors reduced to type, message and stack, masked.
 * `destination` lets tests read what was logged.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRET_FIELDS, censor: '[redacted]' },
    serializers: { err: (value: unknown) => serializeError(value) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: 'silent' });
