import type { Storage } from 'botbuilder';
import type { Logger } from '../logging/logger';

/** The store answered, and said no for good: wrong credentials, no such account or container. */
export class StoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreRefusedError';
  }
}

/** A store that can check at start-up that it is usable (Azure: the key and the container). */
export interface VerifiableStorage extends Storage {
  /** Throws StoreRefusedError on a refusal; any other error means "not answering right now". */
  verify(): Promise<void>;
}

export function isVerifiable(storage: Storage): storage is VerifiableStorage {
  return typeof (storage as Partial<VerifiableStorage>).verify === 'function';
}

/**
 * Start-up: a refusal stops the process (it would fail every turn); a store that does not answer
 * yet does not, since the instance recovers when it comes back and readiness says so meanwhile.
 */
export async function verifyStore(storage: Storage, log: Logger): Promise<void> {
  if (!isVerifiable(storage)) return;
  try {
    await storage.verify();
  } catch (error) {
    if (error instanceof StoreRefusedError) throw error;
    log.warn({ event: 'storage_unreachable_at_start', err: error });
  }
}

const PROBE_KEY = 'health/readiness-probe';

/** Readiness: whether the store answers a read within `timeoutMs`. Any store, any key. */
export async function storeAnswers(storage: Storage, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const read = storage.read([PROBE_KEY]).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}
