import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureBlobsStorage } from '../../src/storage/azure-blobs-storage';
import { LmdbStorage } from '../../src/storage/lmdb-storage';
import type { InsertableStorage } from '../../src/storage/insertable-storage';
import { startAzurite, type Azurite } from '../helpers/azurite';

/** One empty store; every `open()` is a new instance on the same data, as a second bot instance or a restart would be. */
export interface StoreUnderTest {
  open(): InsertableStorage;
  /** How a child process reaches the same data: `lmdb <path>` or `blob <connection string> <container>`. */
  readonly args: readonly string[];
}

export interface StoreKind {
  readonly name: string;
  fresh(): StoreUnderTest;
}

/**
 * The two production stores, for `describe.each`: LMDB in a temporary folder, and botbuilder's
 * BlobsStorage on an Azurite started for this test file (stopped in afterAll).
 */
export function productionStores(): StoreKind[] {
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  afterAll(async () => {
    await azurite?.stop();
  });
  let containers = 0;
  return [
    {
      name: 'LmdbStorage',
      fresh: () => {
        const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'bot.mdb');
        return { open: () => new LmdbStorage(path), args: ['lmdb', path] };
      },
    },
    {
      name: 'BlobsStorage on Azurite',
      fresh: () => {
        const container = `test-${process.pid}-${++containers}`;
        const connection = () => azurite!.connectionString;
        return {
          open: () => new AzureBlobsStorage(connection(), container),
          get args() {
            return ['blob', connection(), container];
          },
        };
      },
    },
  ];
}
