import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Connector service: what the bot sends proactively (ticket cards
 * to a support channel, notifications to a user's chat, card updates) lands here, over real HTTP.
 */
export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  /** 1:1 chats the bot opened, with what it asked for. */
  readonly created: { id: string; parameters: Record<string, unknown> }[] = [];
  private server: Server | undefined;
  private count = 0;
  url = '';

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      if (req.method === 'POST' && req.url === '/v3/conversations') {
        const id = `a:private-${++this.count}`;
        this.created.push({ id, parameters: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(req.url ?? '');
      this.calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        conversationId: decodeURIComponent(match?.[1] ?? ''),
        activity: body ? JSON.parse(body) : {},
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: match?.[2] ?? `activity-${++this.count}` }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Calls to one conversation, e.g. the support channel or the user's 1:1 chat. */
  to(conversationId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.conversationId === conversationId);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
