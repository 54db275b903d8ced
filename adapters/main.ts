// Start every platform whose credentials are set; with none, the console adapter (design 2.3).
// Starting needs no network: each platform serves first and calls out only when a request needs it.
import cluster from 'node:cluster';
import 'dotenv/config';
import { loadConfig, ConfigError, type Config, type Platform } from './config.ts';
import { runConsole } from './console/console.ts';
import { hubFromConfig } from './shared/hub.ts';
import { createLogger, type Logger } from './shared/log.ts';
import { onShutdown, type Closable } from './shared/shutdown.ts';

/** Platform starters, loaded only when configured so the console starts without the chat SDKs. */
async function startPlatform(p: Platform, config: Config, log: Logger): Promise<Closable> {
  switch (p) {
    case 'slack-http':
    case 'slack-socket': {
      const { startSlack } = await import('./slack/index.ts');
      return startSlack(config.env, p === 'slack-socket' ? 'socket' : 'http', log);
    }
    case 'discord-http': {
      const { startDiscordHttp } = await import('./discord/http.ts');
      return startDiscordHttp(config.env, log);
    }
    case 'discord-gateway': {
      const { startDiscordGateway } = await import('./discord/gateway.ts');
      return startDiscordGateway(config.env, log);
    }
  }
}

/**
 * glibc's resolver waits 5 s per try, twice, when DNS does not answer, and a process cannot exit while a
 * lookup runs in libuv's thread pool: one outbound post caught in a DNS outage could hold SIGTERM past its
 * 5 s deadline (measured: workers exited at 4.8 s and were killed; with 1 s tries, 0.15 s after closing).
 * Read when the first lookup is made, so set before any; an operator's own RES_OPTIONS wins.
 */
process.env.RES_OPTIONS ??= 'timeout:1 attempts:2';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`config error: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  if (config.platforms.length === 0) {
    await runConsole(process.stdin, process.stdout, (m) => process.stderr.write(`${m}\n`), {
      hub: hubFromConfig(config.env),
    });
    return;
  }
  const root = createLogger(process.env, config.env.LOG_LEVEL);
  // In a cluster, every line says which worker wrote it.
  const log = cluster.isWorker ? root.child({ worker: cluster.worker!.id, pid: process.pid }) : root;
  if (config.workers > 1 && cluster.isPrimary) {
    // This process only supervises; each worker runs this same file and takes the branch below.
    const { runPrimary } = await import('./shared/cluster.ts');
    runPrimary(config.workers, log);
    return;
  }
  // Every configured platform starts, or none serves: a half-started process would look healthy to an
  // orchestrator while one platform is dark. The reason is one line, without a stack.
  const started: Closable[] = [];
  for (const p of config.platforms) {
    try {
      started.push(await startPlatform(p, config, log));
      log.info({ platform: p }, 'platform started');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log.error({ platform: p, reason: reason.slice(0, 300) }, 'platform failed to start');
      process.stderr.write(`error: ${p} could not start: ${reason.slice(0, 300)}\n`);
      await Promise.allSettled(started.map((s) => s.close()));
      // A cluster worker's IPC channel would keep it alive, serving nothing: exit so the primary sees it.
      process.exit(1);
    }
  }
  onShutdown(started, (m) => log.info(m));
}

main().catch(() => {
  process.stderr.write('fatal: the bot could not start\n');
  process.exitCode = 1;
});
