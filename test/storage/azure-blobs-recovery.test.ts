import { BlobsStorage } from 'botbuilder-azure-blobs';
import { AzureBlobsStorage, BLOB_PIPELINE } from '../../src/storage/azure-blobs-storage';
import { StoreRefusedError, storeAnswers, verifyStore } from '../../src/storage/store-health';
import { silentLogger } from '../../src/logging/logger';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { capturedLogger } from '../helpers/log-capture';

let azurite: Azurite;
let containers = 0;
const container = () => `recovery-${process.pid}-${++containers}`;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(() => azurite.stop());

describe('AzureBlobsStorage when the store goes away and comes back', () => {
  it('when the first call of an instance fails because the store is down, then calls succeed once it is back (BlobsStorage alone stays broken)', async () => {
    const name = container();
    const ours = new AzureBlobsStorage(azurite.connectionString, name);
    const theirs = new BlobsStorage(azurite.connectionString, name, { storagePipelineOptions: BLOB_PIPELINE });
    await azurite.pause();
    try {
      await expect(ours.read(['k'])).rejects.toThrow();
      await expect(theirs.read(['k'])).rejects.toThrow();
      expect(await storeAnswers(ours, 2000)).toBe(false);
    } finally {
      await azurite.resume();
    }
    await ours.write({ k: { v: 1 } });
    expect((await ours.read(['k'])).k).toMatchObject({ v: 1 });
    expect(await storeAnswers(ours, 2000)).toBe(true);
    // The library keeps its failed container creation: the "before" of this fix.
    await expect(theirs.read(['k'])).rejects.toThrow();
  }, 30_000);

  it('when insert is the first call and the store is down, then a later insert succeeds', async () => {
    const store = new AzureBlobsStorage(azurite.connectionString, container());
    await azurite.pause();
    try {
      await expect(store.insert({ a: { v: 1 } })).rejects.toThrow();
    } finally {
      await azurite.resume();
    }
    await store.insert({ a: { v: 2 } });
    expect((await store.read(['a'])).a).toMatchObject({ v: 2 });
  }, 30_000);
});

describe('start-up check of the store', () => {
  it('when the account key is wrong, then verifyStore refuses with a message naming the connection string, and readiness says no', async () => {
    const wrongKey = azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key').toString('base64')}`);
    const store = new AzureBlobsStorage(wrongKey, container());
    const refusal = verifyStore(store, silentLogger);
    await expect(refusal).rejects.toBeInstanceOf(StoreRefusedError);
    await expect(refusal).rejects.toThrow(/refused the credentials .*AZURE_STORAGE_CONNECTION_STRING/);
    expect(await storeAnswers(store, 2000)).toBe(false);
  });

  it('when the store does not answer at start-up, then verifyStore logs it and lets the instance start', async () => {
    const { logger, events } = capturedLogger();
    const store = new AzureBlobsStorage(azurite.connectionString, container());
    await azurite.pause();
    try {
      await verifyStore(store, logger);
    } finally {
      await azurite.resume();
    }
    expect(events().map((w) => w.event)).toEqual(['storage_unreachable_at_start']);
    await expect(verifyStore(store, logger)).resolves.toBeUndefined();
    expect(events()).toHaveLength(1);
  }, 30_000);
});
