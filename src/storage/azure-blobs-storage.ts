import { ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
// The same key-to-blob-name rule as BlobsStorage, so inserted items read back through it.
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { eTagConflict, isETagConflict, type InsertableStorage } from './insertable-storage';
import { StoreRefusedError, type VerifiableStorage } from './store-health';

/**
 * The Azure SDK's default retries wait 4 s, then 12 s: with the store down, every call took 16 s
 * and a turn 32 s. Three quick tries ride out a blip; a longer outage is the readiness check's
 * business, and the turn goes on (degraded reads, fail-open dedupe) instead of hanging.
 */
export const BLOB_PIPELINE: StoragePipelineOptions = { retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000 } };

/**
 * botbuilder's BlobsStorage for read, write and delete, plus `insert`: an upload with
 * `If-None-Match: *`, which Azure refuses when the blob exists. BlobsStorage has no such write,
 * and without it two instances creating the same index document overwrite each other.
 *
 * BlobsStorage creates the container on first use and keeps that promise for good, even when it
 * failed: an instance whose first call met a store that was down failed every later call. So
 * after any failure other than an eTag conflict the BlobsStorage is replaced by a new one, whose
 * first call tries the container again.
 */
export class AzureBlobsStorage implements InsertableStorage, VerifiableStorage {
  private blobs: BlobsStorage;
  private readonly container: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(
    private readonly connectionString: string,
    private readonly containerName: string,
    private readonly pipeline: StoragePipelineOptions = BLOB_PIPELINE,
  ) {
    this.blobs = this.newBlobs();
    this.container = new ContainerClient(connectionString, containerName, pipeline);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.recovering((blobs) => blobs.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.recovering((blobs) => blobs.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.recovering((blobs) => blobs.delete(keys));
  }

  async insert(items: StoreItems): Promise<void> {
    await this.ensureContainer();
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

  /**
   * Start-up check: creates the container if needed. A refusal (wrong key, no such account,
   * a name Azure rejects) throws StoreRefusedError; a store that does not answer throws as is.
   */
  async verify(): Promise<void> {
    try {
      await this.container.createIfNotExists();
    } catch (error) {
      if (error instanceof RestError && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        throw new StoreRefusedError(refusalMessage(error, this.containerName));
      }
      throw error;
    }
  }

  private async recovering<T>(call: (blobs: BlobsStorage) => Promise<T>): Promise<T> {
    const blobs = this.blobs;
    try {
      return await call(blobs);
    } catch (error) {
      if (!isETagConflict(error) && this.blobs === blobs) this.blobs = this.newBlobs();
      throw error;
    }
  }

  private ensureContainer(): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.containerReady = undefined;
      throw error;
    });
    return this.containerReady;
  }

  private newBlobs(): BlobsStorage {
    return new BlobsStorage(this.connectionString, this.containerName, { storagePipelineOptions: this.pipeline });
  }
}

function refusalMessage(error: RestError, container: string): string {
  const code = (error.details as { errorCode?: string } | undefined)?.errorCode ?? error.code ?? `HTTP ${error.statusCode}`;
  if (error.statusCode === 403) {
    return `Azure Blob Storage refused the credentials (${code}): check the account name and key in AZURE_STORAGE_CONNECTION_STRING.`;
  }
  return `Azure Blob Storage refused to open the container "${container}" (${code}): check AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER.`;
}
