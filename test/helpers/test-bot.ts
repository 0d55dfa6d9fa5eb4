import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { userRef, type FeedbackEntry, type ReadableFeedbackLog } from '../../src/feedback/feedback-log';
import { silentLogger } from '../../src/logging/logger';

export class RecordingFeedbackLog implements ReadableFeedbackLog {
  readonly entries: FeedbackEntry[] = [];
  async record(entry: FeedbackEntry): Promise<void> {
    this.entries.push(entry);
  }
  /** As the store's log does: the records of the `days` days up to `now`, oldest first. */
  async recent(days: number, now: Date): Promise<FeedbackEntry[]> {
    const from = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.entries.filter((e) => e.at >= from && e.at <= now.toISOString()).sort((a, b) => a.at.localeCompare(b.at));
  }
  async forgetUser(userId: string, channelId: string): Promise<number> {
    const ref = userRef(channelId, userId);
    const before = this.entries.length;
    this.entries.splice(0, this.entries.length, ...this.entries.filter((e) => e.user !== ref));
    return before - this.entries.length;
  }
}

export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-test-')), ...env });
}

export interface TestBot {
  readonly app: App;
  readonly storage: Storage;
  readonly feedback: RecordingFeedbackLog;
  /** A new user's 1:1 chat with the bot. */
  conversation(options?: ConversationOptions): TestConversation;
}

export interface ConversationOptions {
  readonly id?: string;
  readonly locale?: string;
  readonly channelId?: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly aadObjectId?: string;
  readonly serviceUrl?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
}

export function createTestBot(overrides: { storage?: Storage; env?: Record<string, string> } = {}): TestBot {
  const storage = overrides.storage ?? new MemoryStorage();
  const feedback = new RecordingFeedbackLog();
  const app = createApp(testConfig(overrides.env), silentLogger, { storage, feedback });
  let count = 0;
  return {
    app,
    storage,
    feedback,
    conversation: (options = {}) => new TestConversation(app, { ...options, id: options.id ?? `conv-${++count}` }),
  };
}

/** Drives the real bot (activity handler, dialogs, state) through botbuilder's TestAdapter, one turn at a time. */
export class TestConversation {
  private readonly adapter: TestAdapter;

  constructor(
    app: App,
    private readonly options: ConversationOptions & { id: string },
  ) {
    this.adapter = new TestAdapter((context) => app.bot.run(context), undefined, true);
  }

  get id(): string {
    return this.options.id;
  }

  private base(): Partial<Activity> {
    return {
      channelId: this.options.channelId ?? 'msteams',
      locale: this.options.locale ?? 'en-US',
      from: {
        id: this.options.userId ?? `user-${this.options.id}`,
        name: this.options.userName ?? 'Dana Tester',
        ...(this.options.aadObjectId ? { aadObjectId: this.options.aadObjectId } : {}),
      },
      recipient: { id: 'bot-id', name: 'Certification bot' },
      conversation: { id: this.options.id, conversationType: this.options.conversationType ?? 'personal' } as Activity['conversation'],
      serviceUrl: this.options.serviceUrl ?? 'https://smba.example.test/',
    };
  }

  /** Sends one activity and returns everything the bot sent back during that turn. */
  async send(activity: Partial<Activity>): Promise<Activity[]> {
    await this.adapter.processActivity({ ...this.base(), ...activity } as Activity);
    return this.adapter.activeQueue.splice(0) as Activity[];
  }

  say(text: string): Promise<Activity[]> {
    return this.send({ type: ActivityTypes.Message, text });
  }

  /** The bot was installed: Teams sends a conversationUpdate with the user in membersAdded. */
  install(): Promise<Activity[]> {
    const base = this.base();
    return this.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [base.from!, base.recipient!] });
  }

  /** Clicks a card button the way Teams does for Action.Execute: an adaptiveCard/action invoke. */
  click(button: { verb: string; data: object }, inputs: Record<string, unknown> = {}): Promise<Activity[]> {
    return this.send({
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...inputs } }, trigger: 'manual' },
    });
  }

  /** The same button as an Action.Submit (message with value), as older clients send it. */
  submit(button: { data: object }, inputs: Record<string, unknown> = {}): Promise<Activity[]> {
    return this.send({ type: ActivityTypes.Message, value: { ...button.data, ...inputs } });
  }
}
