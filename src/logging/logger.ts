import pino from 'pino';
import { SECRET_FIELDS, maskSecrets, serializeError } from './log-redaction';

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
    hooks: {
      // pino copies `err.message` into `msg` as it is, past the serializer: give it the masked text.
      logMethod(args, method) {
        const [fields, ...rest] = args as unknown[];
        const err = (fields as { err?: unknown } | null)?.err;
        if (rest.length === 0 && err instanceof Error) return method.call(this, fields as object, maskSecrets(err.message).slice(0, 300));
        return method.apply(this, args);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: 'silent' });
