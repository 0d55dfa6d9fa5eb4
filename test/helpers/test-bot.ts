import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import type { FeedbackEntry, FeedbackLog } from '../../src/feedback/feedback-log';
import { silentLogger } from '../../src/logging/logger';
import type { CardButton } from '../../src/views/card-data';

export class RecordingFeedbackLog implements FeedbackLog {
  readonly entries: FeedbackEntry[] = [];
  async record(entry: FeedbackEntry): Promise<void> {
    this.entries.push(entry);
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
  conversation(options?: { locale?: string; channelId?: string; userId?: string }): TestConversation;
}

export function createTestBot(overrides: { storage?: Storage } = {}): TestBot {
  const storage = overrides.storage ?? new MemoryStorage();
  const feedback = new RecordingFeedbackLog();
  const app = createApp(testConfig(), silentLogger, { storage, feedback });
  let count = 0;
  return {
    app,
    storage,
    feedback,
    conversation: (options = {}) => new TestConversation(app, { id: `conv-${++count}`, ...options }),
  };
}

/** Drives the real bot (activity handler, dialogs, state) through botbuilder's TestAdapter, one turn at a time. */
export class TestConversation {
  private readonly adapter: TestAdapter;

  constructor(
    app: App,
    private readonly options: { id: string; locale?: string; channelId?: string; userId?: string },
  ) {
    this.adapter = new TestAdapter((context) => app.bot.run(context), undefined, true);
  }

  private base(): Partial<Activity> {
    return {
      channelId: this.options.channelId ?? 'msteams',
      locale: this.options.locale ?? 'en-US',
      from: { id: this.options.userId ?? `user-${this.options.id}`, name: 'Dana Tester' },
      recipient: { id: 'bot-id', name: 'Certification bot' },
      conversation: { id: this.options.id, conversationType: 'personal' } as Activity['conversation'],
      serviceUrl: 'https://smba.example.test/',
    };
  }

  /** Sends one activity and returns everything the bot sent back during that turn. */
  async send(activity: Partial<Activity>): Promise<Activity[]> {
    await this.adapter.processActivity({ ...this.base(), ...activity } as Activity);
    return this.adapter.activeQueue.splice(0);
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
  click(button: Pick<CardButton, 'verb' | 'data'>, inputs: Record<string, unknown> = {}): Promise<Activity[]> {
    return this.send({
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...inputs } }, trigger: 'manual' },
    });
  }

  /** The same button as an Action.Submit (message with value), as older clients send it. */
  submit(button: Pick<CardButton, 'data'>, inputs: Record<string, unknown> = {}): Promise<Activity[]> {
    return this.send({ type: ActivityTypes.Message, value: { ...button.data, ...inputs } });
  }
}
