import type { SupportQueue } from '../knowledge/catalog';
import { DocumentUpdater } from '../storage/document-updater';
import type { Store } from './store';
import type { TicketPerson } from './ticket';

const KEY = 'support/channels';

export interface ChannelRegistration {
  readonly conversation: Record<string, unknown>;
  readonly by: TicketPerson;
  readonly at: string;
}

type Registrations = Partial<Record<SupportQueue, ChannelRegistration>>;

/** Which Teams channel serves which queue, kept in the bot's storage so every instance agrees. */
export class StorageChannelRegistry {
  private readonly updater: DocumentUpdater;

  constructor(private readonly storage: Store) {
    this.updater = new DocumentUpdater(storage);
  }

  async register(queue: SupportQueue, conversation: Record<string, unknown>, by: TicketPerson): Promise<void> {
    await this.updater.update<Registrations>(KEY, (current) => ({
      ...current,
      [queue]: { conversation, by, at: new Date().toISOString() },
    }));
  }

  async channelFor(queue: SupportQueue): Promise<ChannelRegistration | undefined> {
    const current = (await this.storage.read([KEY]))[KEY] as Registrations | undefined;
    return current?.[queue];
  }
}
