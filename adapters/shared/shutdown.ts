// SIGTERM / SIGINT: stop taking work, let in-flight requests finish, exit within the deadline.
export interface Closable {
  name: string;
  close(): Promise<void>;
}

export const SHUTDOWN_DEADLINE_MS = 5000;

export function onShutdown(
  closables: Closable[],
  log: (msg: string) => void,
  exit: (code: number) => void = process.exit,
): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing ${closables.map((c) => c.name).join(', ')}`);
    const timer = setTimeout(() => {
      log(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
      exit(1);
    }, SHUTDOWN_DEADLINE_MS - 250);
    timer.unref();
    const started = Date.now();
    Promise.allSettled(closables.map((c) => c.close())).then(() => {
      clearTimeout(timer);
      log(`closed in ${Date.now() - started} ms; exiting`);
      exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
