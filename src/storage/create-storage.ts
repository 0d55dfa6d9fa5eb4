import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import type { AzureBlobsStorage } from './azure-blobs-storage';
import type { Logger } from '../logging/logger';
import { importFileStore } from './file-store-import';
import type { InsertableStorage } from './insertable-storage';
import { LmdbStorage } from './lmdb-storage';

export type StorageConfig = Pick<AppConfig, 'STORAGE' | 'DATA_DIR' | 'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_CONTAINER'>;

/** The LMDB file under DATA_DIR. */
export const lmdbPath = (dataDir: string) => join(dataDir, 'bot.mdb');

/** LMDB under DATA_DIR by default (no server); Azure Blob Storage when several instances share state. */
export function createStorage(config: StorageConfig, log?: Logger): InsertableStorage {
  if (config.STORAGE === 'azure-blob') {
    // The config schema refuses azure-blob without a connection string; this guards direct callers.
    if (!config.AZURE_STORAGE_CONNECTION_STRING) throw new Error('createStorage(): AZURE_STORAGE_CONNECTION_STRING is required');
    // Loaded only when used: the Azure SDK adds about 0.1 s to every start on the embedded store.
    const { AzureBlobsStorage: Blobs } = require('./azure-blobs-storage') as { AzureBlobsStorage: typeof AzureBlobsStorage };
    return new Blobs(config.AZURE_STORAGE_CONNECTION_STRING, config.AZURE_STORAGE_CONTAINER);
  }
  return new LmdbStorage(lmdbPath(config.DATA_DIR), { log });
}

/** As `createStorage`, and on first start imports what the old file store left in DATA_DIR. */
export async function openStorage(config: StorageConfig, log: Logger): Promise<InsertableStorage> {
  const storage = createStorage(config, log);
  if (storage instanceof LmdbStorage) await importFileStore(config.DATA_DIR, storage, log);
  return storage;
}

/** Closes the embedded store once its last writes are on disk (process exit must not race them); Azure needs nothing. */
export async function closeStore(storage: unknown): Promise<void> {
  if (storage instanceof LmdbStorage) await storage.close();
}
