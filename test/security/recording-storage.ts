import { MemoryStorage, type StoreItems } from 'botbuilder';

/** MemoryStorage that remembers every key written or deleted, to prove what a request left behind. */
export class RecordingStorage extends MemoryStorage {
  readonly written: string[] = [];
  readonly deleted: string[] = [];

  async write(changes: StoreItems): Promise<void> {
    this.written.push(...Object.keys(changes));
    await super.write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    this.deleted.push(...keys);
    await super.delete(keys);
  }
}
