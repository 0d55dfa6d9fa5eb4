import autocannon from 'autocannon';
import type { Scenario } from './scenarios';

export interface LoadOptions {
  readonly connections: number;
  /** Seconds of load; ignored when `amount` is given. */
  readonly duration: number;
  readonly amount?: number;
}

export interface LoadResult {
  readonly requests: number;
  /** Answered requests per second over the run. */
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Non-2xx answers, socket errors, timeouts and 200s whose body failed the scenario's check. */
  readonly failures: number;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Drives one scenario with autocannon, every request a new activity (see scenarios.ts).
 * Latencies are taken from its per-response event: its own histogram keeps whole milliseconds,
 * too coarse next to an echo bot that answers in one or two.
 */
export function load(url: string, scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/messages`,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: JSON.stringify(scenario.body()) }),
          },
        ],
        verifyBody: (body) => scenario.verify(String(body)),
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          requests: sorted.length,
          rps: sorted.length / result.duration,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

/** Sends one request of the scenario and fails loudly if the answer is not the expected one. */
export async function probe(url: string, scenario: Scenario): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario.body()),
  });
  const body = await res.text();
  if (res.status !== 200 || !scenario.verify(body))
    throw new Error(`${scenario.name}: unexpected answer ${res.status}: ${body.slice(0, 500)}`);
  return body;
}
