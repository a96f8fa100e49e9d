/**
 * An open-loop load: requests start at a fixed rate whatever the server's answers, as the
 * public's tips arrive, and each latency runs from the moment its request was due, not from when
 * a free connection sent it. A closed loop (autocannon's N connections, each waiting for its
 * answer) measures the queue it builds itself: its latency is N / throughput by Little's law, set
 * by the N chosen. Timing from the due moment keeps a stalled server's delay in the figures
 * (no coordinated omission).
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface OpenLoopRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  /** Warm-up requests answered as expected. */
  warmupOk: number;
  /** Measured requests started, answered as expected, answered otherwise, and failed without an answer. */
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Latency of every answered request, from its due moment, in ms. */
  latencies: number[];
  /** The worst latency of the requests due in each second of the run. */
  worstPerSecond: number[];
  /** Answers per second over the run, the last answer included. */
  answeredPerS: number;
  seconds: number;
}

export async function openLoop(opts: {
  url: string;
  ratePerS: number;
  durationS: number;
  /** Seconds at the same rate before the measured ones: connections opened, code warmed. */
  warmupS: number;
  /** Enough that a slow spell queues in the server, not in the client. */
  connections: number;
  request: (i: number) => OpenLoopRequest;
  /** The answers that count as done; by default any 2xx. */
  ok?: (status: number) => boolean;
}): Promise<OpenLoopResult> {
  const ok = opts.ok ?? ((status: number) => status >= 200 && status < 300);
  const pool = new Pool(opts.url, { connections: opts.connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const result: OpenLoopResult = { warmupOk: 0, sent: 0, ok: 0, non2xx: 0, errors: 0, latencies: [], worstPerSecond: [], answeredPerS: 0, seconds: 0 };
  const warmup = Math.round(opts.ratePerS * opts.warmupS);
  const total = warmup + Math.round(opts.ratePerS * opts.durationS);
  const intervalMs = 1000 / opts.ratePerS;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  const measuredFrom = start + warmup * intervalMs;

  const send = (i: number) => {
    const due = start + i * intervalMs;
    const { method, path, headers, body } = opts.request(i);
    const done = pool.request({ method, path, headers, body }).then(
      async (res) => {
        await res.body.dump();
        if (i < warmup) {
          if (ok(res.statusCode)) result.warmupOk++;
          return;
        }
        const ms = performance.now() - due;
        result.latencies.push(ms);
        const second = Math.floor((due - measuredFrom) / 1000);
        result.worstPerSecond[second] = Math.max(result.worstPerSecond[second] ?? 0, ms);
        if (ok(res.statusCode)) result.ok++;
        else result.non2xx++;
      },
      () => {
        if (i >= warmup) result.errors++;
      },
    ).finally(() => pending.delete(done));
    pending.add(done);
    if (i >= warmup) result.sent++;
  };

  // Each turn starts every request that has come due; a 1 ms timer keeps the gaps small.
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
    while (next < due) send(next++);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  result.seconds = (performance.now() - measuredFrom) / 1000;
  result.answeredPerS = (result.ok + result.non2xx) / result.seconds;
  await pool.close();
  return result;
}
