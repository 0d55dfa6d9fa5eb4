import type { Logger } from './logger';
import { maskSecrets } from './log-redaction';

const MAX_TEXT = 1000;

function describe(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
  // Objects are not dumped: a library's request or activity object carries headers and user text.
  return `[${arg === null ? 'null' : typeof arg}]`;
}

/**
 * botbuilder writes to the console (a failed authentication, a rejected token, a missing
 * activity type) as free text, and with whole error objects. Routed here, each call becomes
 * one JSON line like every other event, reduced and masked. Returns the undo, for tests.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const original = { error: console.error, warn: console.warn, info: console.info, log: console.log, debug: console.debug };
  const route =
    (level: 'warn' | 'debug') =>
    (...args: unknown[]) => {
      const message = maskSecrets(args.map(describe).join(' ')).slice(0, MAX_TEXT);
      logger[level]({ event: 'library_console', message });
    };
  console.error = route('warn');
  console.warn = route('warn');
  console.info = route('debug');
  console.log = route('debug');
  console.debug = route('debug');
  return () => Object.assign(console, original);
}
