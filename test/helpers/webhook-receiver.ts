import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WebhookMode = 'ok' | 'down' | 'hang';

/**
 * A ticketing system's webhook endpoint on loopback. `mode` can change during a test: 'ok'
 * answers 200, 'down' answers 503, 'hang' reads the body and never answers.
 */
export class WebhookReceiver {
  /** Bodies of the requests answered 200. */
  readonly delivered: string[] = [];
  /** Every body received, whatever the answer. */
  readonly received: string[] = [];
  mode: WebhookMode = 'ok';
  url = '';
  private readonly hanging = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Ends the requests held by 'hang' (the sender sees a dropped connection). */
  async dropHanging(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.received.push(body);
    if (this.mode === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (this.mode === 'ok') this.delivered.push(body);
    // Not chained: restify, loaded by other suites in this worker, patches writeHead to return nothing.
    res.writeHead(this.mode === 'ok' ? 200 : 503);
    res.end();
  }
}
