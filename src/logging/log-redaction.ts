import { redactSecrets } from '../support/redaction';

/** Fields whose value is a credential wherever they appear in a log object (pino `redact` paths). */
export const SECRET_FIELDS = [
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'MicrosoftAppPassword',
  'WEBHOOK_SECRET',
  'AZURE_STORAGE_CONNECTION_STRING',
];

/** The same masking as everything users type (storage keys, SAS signatures and URL credentials included). */
export function maskSecrets(text: string): string {
  return redactSecrets(text).text;
}

const MAX_TEXT = 4000;

/**
 * The `err` serializer. Only what explains a failure, masked: errors from HTTP clients carry
 * their request as enumerable fields (headers with a bearer token, a body with what the user
 * wrote), which pino's default serializer would copy into the log.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSecrets(value).slice(0, MAX_TEXT);
  if (!(value instanceof Error)) return { type: typeof value };
  const { code, statusCode } = value as { code?: unknown; statusCode?: unknown };
  const cause = (value as { cause?: unknown }).cause;
  return {
    type: value.name,
    message: maskSecrets(value.message).slice(0, MAX_TEXT),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(value.stack ? { stack: maskSecrets(value.stack).slice(0, MAX_TEXT) } : {}),
    ...(cause !== undefined && depth < 2 ? { cause: serializeError(cause, depth + 1) } : {}),
  };
}
