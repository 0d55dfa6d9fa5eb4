import { productionStores } from './stores';

const ROUNDS = 10;
const conflict = /eTag conflict/;

describe.each(productionStores())('$name, as botbuilder Storage', (kind) => {
  it('when items are written, then they read back whole, unicode included, and missing keys are absent', async () => {
    const store = kind.fresh().open();
    await store.write({ 'msteams/conversations/a:b/c': { step: 2, nested: { lang: 'fr', text: 'crédit reconnu ✓' } } });
    const items = await store.read(['msteams/conversations/a:b/c', 'missing']);
    expect(items['msteams/conversations/a:b/c']).toMatchObject({ step: 2, nested: { lang: 'fr', text: 'crédit reconnu ✓' } });
    expect(typeof items['msteams/conversations/a:b/c'].eTag).toBe('string');
    expect(items).not.toHaveProperty('missing');
  });

  it('when the process restarts, then a new instance on the same data reads what was written', async () => {
    const data = kind.fresh();
    await data.open().write({ 'users/u1': { lang: 'fr' } });
    expect((await data.open().read(['users/u1']))['users/u1']).toMatchObject({ lang: 'fr' });
  });

  it('when a key is deleted, then it reads as absent and deleting again is fine', async () => {
    const store = kind.fresh().open();
    await store.write({ k: { v: 1 } });
    await store.delete(['k']);
    await store.delete(['k']);
    expect(await store.read(['k'])).toEqual({});
  });

  it('when a write carries a stale eTag, then it is refused and the newer value stays', async () => {
    const store = kind.fresh().open();
    await store.write({ k: { v: 1 } });
    const first = (await store.read(['k'])).k;
    await store.write({ k: { ...first, v: 2 } });
    await expect(store.write({ k: { ...first, v: 3 } })).rejects.toThrow(conflict);
    expect((await store.read(['k'])).k.v).toBe(2);
  });

  it('when a write carries the eTag of a key deleted since, then it is refused', async () => {
    const store = kind.fresh().open();
    await store.write({ k: { v: 1 } });
    const read = (await store.read(['k'])).k;
    await store.delete(['k']);
    await expect(store.write({ k: { ...read, v: 2 } })).rejects.toThrow(conflict);
    expect(await store.read(['k'])).toEqual({});
  });

  it('when a write uses eTag "*" or none, then it overwrites whatever is there', async () => {
    const store = kind.fresh().open();
    await store.write({ k: { v: 1 } });
    await store.write({ k: { v: 9, eTag: '*' } });
    expect((await store.read(['k'])).k.v).toBe(9);
    await store.write({ k: { v: 10 } });
    expect((await store.read(['k'])).k.v).toBe(10);
  });

  it('when two instances write one key with the same eTag at once, then each round exactly one wins and the other gets a conflict', async () => {
    const data = kind.fresh();
    const [a, b] = [data.open(), data.open()];
    await a.write({ shared: { round: -1 } });
    for (let round = 0; round < ROUNDS; round++) {
      const [fromA, fromB] = await Promise.all([a.read(['shared']), b.read(['shared'])]);
      const results = await Promise.allSettled([
        a.write({ shared: { ...fromA.shared, round, by: 'a' } }),
        b.write({ shared: { ...fromB.shared, round, by: 'b' } }),
      ]);
      const winners = results.filter((r) => r.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(String(loser.reason)).toMatch(conflict);
      const winner = results[0].status === 'fulfilled' ? 'a' : 'b';
      expect((await a.read(['shared'])).shared).toMatchObject({ round, by: winner });
    }
  });

  it('when a key is inserted, then it is created if absent and refused if it exists', async () => {
    const store = kind.fresh().open();
    await store.insert({ 'tickets/CS-1': { v: 1 } });
    expect((await store.read(['tickets/CS-1']))['tickets/CS-1']).toMatchObject({ v: 1 });
    await expect(store.insert({ 'tickets/CS-1': { v: 2 } })).rejects.toThrow(conflict);
    expect((await store.read(['tickets/CS-1']))['tickets/CS-1'].v).toBe(1);
  });

  it('when two instances insert one key at once, then each round exactly one creates it', async () => {
    const data = kind.fresh();
    const [a, b] = [data.open(), data.open()];
    for (let round = 0; round < ROUNDS; round++) {
      const key = `new/${round}`;
      const results = await Promise.allSettled([a.insert({ [key]: { by: 'a' } }), b.insert({ [key]: { by: 'b' } })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const winner = results[0].status === 'fulfilled' ? 'a' : 'b';
      expect((await b.read([key]))[key]).toMatchObject({ by: winner });
    }
  });

  it('when keys hold path characters, then they stay distinct', async () => {
    const store = kind.fresh().open();
    const keys = ['../../etc/passwd', 'a/b', 'a%2Fb', 'x'.repeat(500), `${'x'.repeat(499)}y`, 'tickets/index/user/29:1a-B_c'];
    await store.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
    const items = await store.read(keys);
    keys.forEach((k, i) => expect(items[k].i).toBe(i));
  });
});
