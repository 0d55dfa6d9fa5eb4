import type { Storage } from 'botbuilder';
import { insertItems, isETagConflict } from './insertable-storage';

/** Takes a key once: true for the first caller, false for every later one, across instances. */
export type Claim = (key: string) => Promise<boolean>;

/** A claim is a record written only if its key is free (insert-if-absent), so two instances cannot both win it. */
export function storageClaim(storage: Storage, now: () => Date = () => new Date()): Claim {
  return async (key) => {
    try {
      await insertItems(storage, { [key]: { claimedAt: now().toISOString() } });
      return true;
    } catch (error) {
      if (isETagConflict(error)) return false;
      throw error;
    }
  };
}
