import { ContainerClient, RestError } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
// The same key-to-blob-name rule as BlobsStorage, so inserted items read back through it.
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { eTagConflict, type InsertableStorage } from './insertable-storage';

/**
 * botbuilder's BlobsStorage, unchanged for read, write and delete, plus `insert`: an upload with
 * `If-None-Match: *`, which Azure refuses when the blob exists. BlobsStorage has no such write,
 * and without it two instances creating the same index document overwrite each other.
 */
export class AzureBlobsStorage extends BlobsStorage implements InsertableStorage {
  private readonly container: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(connectionString: string, containerName: string) {
    super(connectionString, containerName);
    this.container = new ContainerClient(connectionString, containerName);
  }

  async insert(items: StoreItems): Promise<void> {
    this.containerReady ??= this.container.createIfNotExists();
    await this.containerReady;
    await Promise.all(
      Object.entries(items).map(async ([key, item]) => {
        const { eTag: _ignored, ...value } = (item ?? {}) as Record<string, unknown>;
        const body = JSON.stringify(value);
        try {
          await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        } catch (error) {
          if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) throw eTagConflict(key);
          throw error;
        }
      }),
    );
  }
}
