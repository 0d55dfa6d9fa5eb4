import pino from 'pino';

export type Logger = pino.Logger;

/** One JSON line per event (pino): what log collectors read without parsing rules. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

export const silentLogger: Logger = pino({ level: 'silent' });
