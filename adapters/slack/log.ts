// Bolt and the Slack SDK log through our pino logger (which scrubs secrets), never to the console.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { describeError, type Logger } from '../shared/log.ts';

const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  // Bolt has no "silent"; ERROR is the quietest, and pino drops it anyway.
  silent: LogLevel.ERROR,
};

/** The @slack/logger interface over a pino child logger. */
export function boltLogger(log: Logger): BoltLogger {
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : describeError(m))).join(' ');
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => log.error(text(msg)),
    // The level is pino's (LOG_LEVEL); Bolt asking to change it is ignored on purpose.
    setLevel: () => undefined,
    getLevel: () => TO_BOLT[log.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
