// WORKERS > 1: this process becomes a node:cluster primary that only supervises. Each worker is the same
// program (adapters/main.ts) serving the HTTP endpoints; the workers share the listening ports and the
// primary hands each new connection to the next worker (round-robin, Node's default outside Windows).
// Answers need no shared state (buttons carry their own), so any worker can take any request. What is per
// process: the reply cache, the Hub cache and the per-user rate limit (a user spread over N connections can
// get up to N times the burst; the same holds for N replicas behind a load balancer).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from './log.ts';
import { SHUTDOWN_DEADLINE_MS } from './shutdown.ts';

export interface PrimaryOptions {
  /** Give up (exit 1) when workers exit this many times within CRASH_WINDOW_MS without being asked to. */
  maxCrashes?: number;
  exit?: (code: number) => void;
}

const CRASH_WINDOW_MS = 60_000;

export function runPrimary(count: number, log: Logger, opts: PrimaryOptions = {}): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const maxCrashes = opts.maxCrashes ?? count * 3;
  const crashes: number[] = [];
  let stopping = false;
  let failed = false;

  // Not "in cluster.workers": a worker that exits before its IPC channel closes is still listed there
  // when its 'exit' event fires (node lib/internal/cluster/primary.js), so the last exit would go unseen.
  const live = () =>
    Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  const fork = () => cluster.fork();

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (live().length === 0) exit(failed ? 1 : 0);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && now - crashes[0]! > CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length >= maxCrashes) {
      log.error(
        { pid: worker.process.pid, code, signal, crashes: crashes.length },
        'workers keep exiting; stopping',
      );
      failed = true;
      return stop('crash loop');
    }
    log.error({ pid: worker.process.pid, code, signal }, 'worker exited unexpectedly; starting another');
    fork();
  });

  cluster.on('listening', (worker, address) => {
    log.debug({ pid: worker.process.pid, port: address.port }, 'worker listening');
  });

  /** Ask every worker to finish its in-flight requests and exit; force the rest just before the deadline. */
  function stop(reason: string): void {
    if (stopping) return;
    stopping = true;
    log.info({ reason, workers: live().length }, 'stopping workers');
    const workers = live();
    if (workers.length === 0) return exit(failed ? 1 : 0);
    for (const w of workers) w.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      log.warn(`workers took longer than ${SHUTDOWN_DEADLINE_MS} ms; killing them`);
      for (const w of live()) w.process.kill('SIGKILL');
      exit(1);
    }, SHUTDOWN_DEADLINE_MS - 250);
    timer.unref();
  }

  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < count; i++) fork();
  log.info({ workers: count }, 'cluster primary started');
}
