import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity, type Storage } from 'botbuilder';
import { ETagStateStorage } from '../../src/storage/etag-state-storage';
import { productionStores } from './stores';

const activity = {
  type: ActivityTypes.Message,
  channelId: 'test',
  conversation: { id: 'conv-1' },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
} as Activity;

/** Two turns of one conversation that read the state at the same time, each changing its own property. */
async function twoTurnsAtOnce(storage: Storage): Promise<Record<string, unknown>> {
  const state = new ConversationState(storage);
  const [one, two] = [new TurnContext(new TestAdapter(), activity), new TurnContext(new TestAdapter(), activity)];
  await Promise.all([state.load(one), state.load(two)]);
  await state.createProperty<string>('fromOne').set(one, 'one');
  await state.createProperty<string>('fromTwo').set(two, 'two');
  await state.saveChanges(one);
  await state.saveChanges(two);
  const fresh = new TurnContext(new TestAdapter(), activity);
  return (await state.load(fresh)) as Record<string, unknown>;
}

describe('ETagStateStorage under botbuilder state', () => {
  it('when two turns save the state they read at the same time, then plain botbuilder keeps one turn\'s change only (the "before")', async () => {
    const saved = await twoTurnsAtOnce(new MemoryStorage());
    expect(saved.fromOne).toBeUndefined();
    expect(saved.fromTwo).toBe('two');
  });

  describe.each(productionStores())('$name', (kind) => {
    it('when two turns save the state they read at the same time, for a new and for an existing conversation, then both changes are kept', async () => {
      const raw = kind.fresh().open();
      const first = await twoTurnsAtOnce(new ETagStateStorage(raw));
      expect(first).toMatchObject({ fromOne: 'one', fromTwo: 'two' });
      // Again on the now existing document: the second save meets an eTag conflict and merges.
      const storage = new ETagStateStorage(raw);
      const state = new ConversationState(storage);
      const [one, two] = [new TurnContext(new TestAdapter(), activity), new TurnContext(new TestAdapter(), activity)];
      await Promise.all([state.load(one), state.load(two)]);
      await state.createProperty<string>('fromOne').set(one, 'one again');
      await state.createProperty<string>('fromTwo').delete(two);
      await state.saveChanges(one);
      await state.saveChanges(two);
      const saved = (await state.load(new TurnContext(new TestAdapter(), activity))) as Record<string, unknown>;
      expect(saved.fromOne).toBe('one again');
      expect(saved).not.toHaveProperty('fromTwo');
    });

    it('when a turn saves twice, then the second save is not refused as a conflict with its own first', async () => {
      const storage = new ETagStateStorage(kind.fresh().open());
      const state = new ConversationState(storage);
      const context = new TurnContext(new TestAdapter(), activity);
      const count = state.createProperty<number>('count');
      await count.set(context, 1);
      await state.saveChanges(context);
      await count.set(context, 2);
      await state.saveChanges(context);
      expect(await count.get(new TurnContext(new TestAdapter(), activity))).toBe(2);
    });
  });
});
