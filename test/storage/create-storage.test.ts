import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';
import { AzureBlobsStorage } from '../../src/storage/azure-blobs-storage';
import { createStorage } from '../../src/storage/create-storage';
import { LmdbStorage } from '../../src/storage/lmdb-storage';

const AZURITE = 'UseDevelopmentStorage=true';

describe('storage choice', () => {
  it('when nothing is configured, then state goes to LMDB in DATA_DIR/bot.mdb', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'data-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.STORAGE).toBe('lmdb');
    const storage = createStorage(config);
    expect(storage).toBeInstanceOf(LmdbStorage);
    await storage.write({ k: { v: 1 } });
    expect(existsSync(join(dataDir, 'bot.mdb'))).toBe(true);
  });

  it('when an old configuration says STORAGE=file, then it starts on the embedded LMDB store', () => {
    const config = loadConfig({ STORAGE: 'file', DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')) });
    expect(config.STORAGE).toBe('lmdb');
    expect(createStorage(config)).toBeInstanceOf(LmdbStorage);
  });

  it('when STORAGE is azure-blob, then botbuilder BlobsStorage is used with the configured container', () => {
    const config = loadConfig({ STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: AZURITE });
    expect(config.AZURE_STORAGE_CONTAINER).toBe('bot-state');
    const storage = createStorage(config);
    expect(storage).toBeInstanceOf(AzureBlobsStorage);
  });

  it('when STORAGE is azure-blob without a connection string, then the configuration error names it', () => {
    expect(() => loadConfig({ STORAGE: 'azure-blob' })).toThrow(ConfigError);
    expect(() => loadConfig({ STORAGE: 'azure-blob' })).toThrow('AZURE_STORAGE_CONNECTION_STRING is required when STORAGE is azure-blob');
  });

  it('when the container name is not a valid Azure container name or STORAGE is unknown, then the configuration is refused', () => {
    expect(() =>
      loadConfig({ STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_STORAGE_CONTAINER: 'Bot_State' }),
    ).toThrow(/AZURE_STORAGE_CONTAINER must be 3-63 lowercase letters/);
    expect(() => loadConfig({ STORAGE: 'sqlite' })).toThrow(/STORAGE/);
  });
});
