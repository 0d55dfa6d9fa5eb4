import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';
import { AzureBlobsStorage } from '../../src/storage/azure-blobs-storage';
import { createStorage } from '../../src/storage/create-storage';
import { FileStorage } from '../../src/storage/file-storage';

const AZURITE = 'UseDevelopmentStorage=true';

describe('storage choice', () => {
  it('when nothing is configured, then state goes to files under DATA_DIR/state', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'data-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.STORAGE).toBe('file');
    const storage = createStorage(config);
    expect(storage).toBeInstanceOf(FileStorage);
    await storage.write({ k: { v: 1 } });
    expect(existsSync(join(dataDir, 'state', 'k.json'))).toBe(true);
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
    expect(() => loadConfig({ STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_STORAGE_CONTAINER: 'Bot_State' })).toThrow(
      /AZURE_STORAGE_CONTAINER must be 3-63 lowercase letters/,
    );
    expect(() => loadConfig({ STORAGE: 'sqlite' })).toThrow(/STORAGE/);
  });
});
