import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../src/storage/file-storage';

const freshDir = () => mkdtempSync(join(tmpdir(), 'store-'));

describe('file storage', () => {
  it('when the process restarts, then what was written is read back by a new instance', async () => {
    const dir = freshDir();
    await new FileStorage(dir).write({ 'msteams/conversations/a:b/c': { step: 2, nested: { lang: 'fr' } } });
    const items = await new FileStorage(dir).read(['msteams/conversations/a:b/c', 'missing']);
    expect(items['msteams/conversations/a:b/c']).toMatchObject({ step: 2, nested: { lang: 'fr' } });
    expect(items).not.toHaveProperty('missing');
  });

  it('when a write carries a stale eTag, then it is refused and the newer value stays', async () => {
    const store = new FileStorage(freshDir());
    await store.write({ k: { v: 1 } });
    const first = (await store.read(['k'])).k;
    await store.write({ k: { ...first, v: 2 } });
    await expect(store.write({ k: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await store.read(['k'])).k.v).toBe(2);
  });

  it('when a write uses eTag "*", then it overwrites whatever is there', async () => {
    const store = new FileStorage(freshDir());
    await store.write({ k: { v: 1 } });
    await store.write({ k: { v: 9, eTag: '*' } });
    expect((await store.read(['k'])).k.v).toBe(9);
  });

  it('when a key is deleted, then it reads as absent and deleting again is fine', async () => {
    const store = new FileStorage(freshDir());
    await store.write({ k: { v: 1 } });
    await store.delete(['k']);
    await store.delete(['k']);
    expect(await store.read(['k'])).toEqual({});
  });

  it('when keys hold path characters or are very long, then they stay inside the folder and distinct', async () => {
    const store = new FileStorage(freshDir());
    const keys = ['../../etc/passwd', 'a/b', 'a%2Fb', 'x'.repeat(500), `${'x'.repeat(499)}y`];
    await store.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
    const items = await store.read(keys);
    keys.forEach((k, i) => expect(items[k].i).toBe(i));
  });
});
