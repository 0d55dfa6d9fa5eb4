import { Outbox, type OutboxItem } from '../../src/support/outbox';
import { productionStores } from '../storage/stores';

const T0 = new Date('2025-01-01T00:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function item(id: string, dueIn = 0): OutboxItem {
  return {
    id,
    ticketId: 'CS-AB12CD',
    target: 'webhook:certification-support',
    payload: { event: 'ticket.created', n: id },
    attempts: 0,
    nextAttemptAt: later(dueIn).toISOString(),
  };
}

describe.each(productionStores())('$name, webhook outbox', (kind) => {
  it('when items are queued and the process restarts, then the new instance still owes them, due ones first', async () => {
    const data = kind.fresh();
    const before = new Outbox(data.open());
    await before.enqueue(item('late', 60));
    await before.enqueue(item('now'));
    const after = new Outbox(data.open());
    expect((await after.due(T0)).map((i) => i.id)).toEqual(['now']);
    expect(await after.due(later(60))).toEqual([item('now'), item('late', 60)]);
  });

  it('when a delivery fails, then the attempt is counted and the item waits; when it succeeds, then it is gone', async () => {
    const outbox = new Outbox(kind.fresh().open());
    await outbox.enqueue(item('a'));
    await outbox.settle([], new Map([['a', later(30)]]));
    expect(await outbox.due(later(29))).toEqual([]);
    expect(await outbox.due(later(30))).toEqual([{ ...item('a'), attempts: 1, nextAttemptAt: later(30).toISOString() }]);
    await outbox.settle(['a'], new Map());
    expect(await outbox.due(later(3600))).toEqual([]);
  });

  it('when the same item is queued twice, or an unknown one is settled, then nothing changes', async () => {
    const outbox = new Outbox(kind.fresh().open());
    await outbox.enqueue(item('a'));
    await outbox.enqueue({ ...item('a'), payload: 'other' });
    await outbox.settle(['nope'], new Map());
    await outbox.settle([], new Map([['nope', later(5)]]));
    expect(await outbox.due(T0)).toEqual([item('a')]);
  });

  it('when two instances queue and deliver at once, then no item is lost or comes back', async () => {
    const data = kind.fresh();
    const [a, b] = [new Outbox(data.open()), new Outbox(data.open())];
    const ids = (prefix: string) => Array.from({ length: 20 }, (_, n) => `${prefix}${n}`);
    await Promise.all([...ids('a').map((id) => a.enqueue(item(id))), ...ids('b').map((id) => b.enqueue(item(id)))]);
    expect((await a.due(T0)).map((i) => i.id).sort()).toEqual([...ids('a'), ...ids('b')].sort());

    // Each instance delivers half of the other's items while failing some of its own.
    await Promise.all([
      ...ids('b')
        .slice(0, 10)
        .map((id) => a.settle([id], new Map())),
      ...ids('a')
        .slice(0, 10)
        .map((id) => b.settle([id], new Map())),
      ...ids('a')
        .slice(10)
        .map((id) => a.settle([], new Map([[id, later(60)]]))),
    ]);
    const left = await b.due(later(60));
    expect(left.map((i) => i.id).sort()).toEqual([...ids('a').slice(10), ...ids('b').slice(10)].sort());
    expect(
      left
        .filter((i) => i.attempts === 1)
        .map((i) => i.id)
        .sort(),
    ).toEqual(ids('a').slice(10).sort());
  }, 30_000);

  it('when two instances claim the due items at once, then each item is claimed by exactly one of them', async () => {
    const data = kind.fresh();
    const [a, b] = [new Outbox(data.open()), new Outbox(data.open())];
    const ids = Array.from({ length: 30 }, (_, n) => `i${n}`);
    await Promise.all(ids.map((id, n) => (n % 2 ? a : b).enqueue(item(id))));
    // Each instance claims several times in a row, as timer passes and new tickets would.
    const rounds = await Promise.all([a, b, a, b, a, b].map((outbox, n) => outbox.claimDue(T0, n % 2 ? 'b' : 'a', 60_000)));
    const claimed = rounds.flat().map((i) => i.id);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect((await a.claimDue(later(59), 'a', 60_000)).length).toBe(0);
  }, 30_000);

  it('when the instance holding a claim dies, then the item is claimed again once the lease has passed, and a settled failure frees it', async () => {
    const outbox = new Outbox(kind.fresh().open());
    await outbox.enqueue(item('a'));
    expect((await outbox.claimDue(T0, 'dead', 30_000)).map((i) => i.id)).toEqual(['a']);
    expect(await outbox.claimDue(later(29), 'alive', 30_000)).toEqual([]);
    const retaken = await outbox.claimDue(later(30), 'alive', 30_000);
    expect(retaken.map((i) => [i.id, i.claim?.by])).toEqual([['a', 'alive']]);
    await outbox.settle([], new Map([['a', later(31)]]));
    expect((await outbox.claimDue(later(31), 'other', 30_000)).map((i) => [i.id, i.attempts, i.claim?.by])).toEqual([['a', 1, 'other']]);
  });
});
