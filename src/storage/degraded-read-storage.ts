import type { Storage, StoreItems } from 'botbuilder';

export interface StorageLog {
  warn(fields: Record<string, unknown>): void;
}

/**
 * For conversation and user state only: when the store cannot be read, the turn goes on with
 * empty state instead of failing, so FAQ answers keep working while the store is down. Writes
 * still fail loudly; the bot logs them and the next turn simply starts fresh.
 */
export class DegradedReadStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly log: StorageLog,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    try {
      return await this.inner.read(keys);
    } catch (error) {
      this.log.warn({ event: 'state_read_failed', err: error });
      return {};
    }
  }

  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
