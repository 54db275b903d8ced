// Structured logs (pino) with the level from LOG_LEVEL. Secrets never reach a log line: known secret
// values are scrubbed from every message and field, and token-like keys are redacted by path.
import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET_KEYS = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'DISCORD_PUBLIC_KEY',
  'HF_TOKEN',
];

export function createLogger(
  env: Record<string, string | undefined>,
  level = 'info',
  destination?: pino.DestinationStream,
): Logger {
  const secrets = SECRET_KEYS.map((k) => env[k]).filter(
    (v): v is string => typeof v === 'string' && v.length >= 6,
  );
  const scrub = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('[secret]'), s);
  const opts: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: [
        'token',
        '*.token',
        'headers.authorization',
        '*.headers.authorization',
        'authorization',
        'signingSecret',
        'appToken',
        'botToken',
      ],
      censor: '[secret]',
    },
    hooks: {
      // Every message and string field goes through the scrubber, whatever its path.
      logMethod(args, method) {
        const clean = args.map((a) =>
          typeof a === 'string'
            ? scrub(a)
            : a && typeof a === 'object'
              ? JSON.parse(scrub(JSON.stringify(a, errorReplacer)))
              : a,
        );
        method.apply(this, clean as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(opts, destination) : pino(opts, pino.destination({ fd: 2, sync: false }));
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack };
  return value;
}

/**
 * A platform or SDK error as one safe log line: name, code, status and message, never a stack or the
 * request behind it (discord.js errors carry the callback URL, which holds the interaction token; Slack's
 * carry whole responses).
 */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const e = err as Error & {
      code?: unknown;
      status?: unknown;
      statusCode?: unknown;
      data?: { error?: unknown };
    };
    const extra = [e.code, e.status ?? e.statusCode, e.data?.error].filter(
      (x) => x !== undefined && x !== null,
    );
    return `${e.name}${extra.length ? ` (${extra.join(', ')})` : ''}: ${e.message}`.slice(0, 300);
  }
  if (typeof err === 'string') return err.slice(0, 300);
  try {
    return (JSON.stringify(err) ?? String(err)).slice(0, 300);
  } catch {
    return String(err).slice(0, 300);
  }
}
