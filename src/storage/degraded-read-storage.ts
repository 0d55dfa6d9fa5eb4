import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { FaultLog } from './fault-log';
import { isETagConflict } from './insertable-storage';

/**
 * For conversation and user state only: when the store cannot be read or written (down, full,
 * read-only), the turn goes on as if the state were empty and unsaved, so FAQ answers keep
 * coming; the fault is logged once a minute, not per turn. An eTag conflict still reaches the
 * caller: it is not a fault of the store.
 */
export class DegradedReadStorage implements Storage {
  private readonly faults: FaultLog;

  constructor(
    private readonly inner: Storage,
    log: Logger,
    now?: () => number,
  ) {
    this.faults = new FaultLog(log, now);
  }

  async read(keys: string[]): Promise<StoreItems> {
    try {
      return await this.inner.read(keys);
    } catch (error) {
      this.faults.warn('state_read_failed', error);
      return {};
    }
  }

  async write(changes: StoreItems): Promise<void> {
    try {
      await this.inner.write(changes);
    } catch (error) {
      if (isETagConflict(error)) throw error;
      this.faults.warn('state_write_failed', error);
    }
  }

  async delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
