import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import type { AzureBlobsStorage } from './azure-blobs-storage';
import { FileStorage } from './file-storage';
import type { InsertableStorage } from './insertable-storage';

export type StorageConfig = Pick<AppConfig, 'STORAGE' | 'DATA_DIR' | 'AZURE_STORAGE_CONNECTION_STRING' | 'AZURE_STORAGE_CONTAINER'>;

/** Files under DATA_DIR by default (no server); Azure Blob Storage when several instances share state. */
export function createStorage(config: StorageConfig): InsertableStorage {
  if (config.STORAGE === 'azure-blob') {
    // The config schema refuses azure-blob without a connection string; this guards direct callers.
    if (!config.AZURE_STORAGE_CONNECTION_STRING) throw new Error('createStorage(): AZURE_STORAGE_CONNECTION_STRING is required');
    // Loaded only when used: the Azure SDK adds about 0.1 s to every start on the file store.
    const { AzureBlobsStorage: Blobs } = require('./azure-blobs-storage') as { AzureBlobsStorage: typeof AzureBlobsStorage };
    return new Blobs(config.AZURE_STORAGE_CONNECTION_STRING, config.AZURE_STORAGE_CONTAINER);
  }
  return new FileStorage(join(config.DATA_DIR, 'state'));
}
