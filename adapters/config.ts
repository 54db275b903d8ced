// Configuration from the environment (dotenv loads .env first), validated with zod at start.
// A missing half of a credential pair is named, with where to get it. Secrets are never printed.
// Blank or whitespace-only values count as unset.
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { isEd25519Point } from './discord/ed25519.ts';

export class ConfigError extends Error {}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** More processes than this only adds memory (each holds the catalogs and its own caches). */
export const MAX_WORKERS = 32;

const EnvSchema = z.object({
  // Real keys have real shapes: Slack signing secrets are 32 characters (anything under 16 cannot be one),
  // bot tokens start xoxb-, app-level tokens xapp-.
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^\S{16,200}$/, 'must be the Signing Secret (32 characters), not a placeholder')
    .optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-\S{8,400}$/, 'must be a bot token (xoxb-...)')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S{8,400}$/, 'must be an app-level token (xapp-...)')
    .optional(),
  SLACK_PORT: port(3000),
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a bot token (three dot-separated parts)')
    .optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{1,22}$/, 'must be the numeric Application ID')
    .optional(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      'must be the 64 hex characters of Developer Portal > General Information > Public Key',
    )
    .refine((hex) => isEd25519Point(Buffer.from(hex, 'hex')), 'is not an Ed25519 public key (check the copy)')
    .optional(),
  /** Gateway sharding: `auto` (Discord's recommendation) or a shard count; unset runs one client. */
  DISCORD_SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d*)$/, 'use auto or a number of shards')
    .optional(),
  DISCORD_PORT: port(3001),
  // An address or a host name (resolved when the server listens; a name that does not resolve stops the start).
  HOST: z
    .string()
    .refine(
      (h) =>
        isIP(h) !== 0 ||
        /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
          h,
        ),
      'must be an IP address or a host name',
    )
    .default('0.0.0.0'),
  /** Hugging Face Hub token for gated and private repos (read scope is enough). Sent to HF_ENDPOINT only. */
  HF_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{8,400}$/, 'must be a Hugging Face access token (hf_...) without spaces')
    .optional(),
  /** The Hub or a mirror; only this origin is ever contacted for model lookups. */
  HF_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^\s/?#@]+(\/[^\s?#@]*)?$/, 'must be an http(s) URL like https://huggingface.co')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * HTTP server processes sharing the ports (node:cluster): `auto` (one per core) or a number. Unset runs
   * one process. Only for HTTP modes: a gateway or Socket Mode connection belongs to one process.
   */
  WORKERS: z
    .string()
    .regex(/^(auto|[1-9]\d*)$/, 'use auto or a number of processes')
    .refine((v) => v === 'auto' || Number(v) <= MAX_WORKERS, `at most ${MAX_WORKERS}`)
    .optional(),
});

export type Platform = 'slack-http' | 'slack-socket' | 'discord-gateway' | 'discord-http';

export interface Config {
  env: z.infer<typeof EnvSchema>;
  platforms: Platform[];
  /** Server processes to run (1 = this process serves; more = a cluster primary and this many workers). */
  workers: number;
}

const WHERE = {
  SLACK_SIGNING_SECRET: 'Slack app > Basic Information > Signing Secret',
  SLACK_BOT_TOKEN: 'Slack app > OAuth & Permissions > Bot User OAuth Token (xoxb-...)',
  DISCORD_APPLICATION_ID:
    'Discord Developer Portal > your application > General Information > Application ID',
} as const;

export function loadConfig(source: Record<string, string | undefined>): Config {
  // Empty strings count as unset: a blank line in .env must not half-enable a platform.
  const clean = Object.fromEntries(
    Object.entries(source)
      .map(([k, v]) => [k, v?.trim()] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  const env = parsed.data;
  const platforms: Platform[] = [];
  const need = (name: keyof typeof WHERE, because: string) => {
    if (!env[name]) throw new ConfigError(`${name} is missing (${because}); find it at ${WHERE[name]}`);
  };
  if (env.SLACK_SIGNING_SECRET || env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN) {
    need('SLACK_SIGNING_SECRET', 'Slack is partly configured');
    need('SLACK_BOT_TOKEN', 'Slack is partly configured');
    platforms.push(env.SLACK_APP_TOKEN ? 'slack-socket' : 'slack-http');
  }
  if (env.DISCORD_TOKEN) {
    need('DISCORD_APPLICATION_ID', 'DISCORD_TOKEN is set');
    platforms.push('discord-gateway');
  }
  if (env.DISCORD_PUBLIC_KEY) {
    need('DISCORD_APPLICATION_ID', 'DISCORD_PUBLIC_KEY is set');
    platforms.push('discord-http');
  }
  const workers = workerCount(env.WORKERS, platforms);
  return { env, platforms, workers };
}

function workerCount(setting: string | undefined, platforms: Platform[]): number {
  // The console is one person at a terminal: one process, whatever WORKERS says.
  if (!setting || platforms.length === 0) return 1;
  const n = setting === 'auto' ? Math.min(availableParallelism(), MAX_WORKERS) : Number(setting);
  const held = platforms.filter((p) => p === 'discord-gateway' || p === 'slack-socket');
  if (n > 1 && held.length > 0)
    throw new ConfigError(
      `WORKERS=${setting} needs every platform in HTTP mode, but ${held.join(' and ')} keeps one connection per bot; unset WORKERS, or serve Discord through DISCORD_PUBLIC_KEY without DISCORD_TOKEN and Slack without SLACK_APP_TOKEN`,
    );
  return n;
}

/** The Hugging Face settings alone (the CLI reads only these; a half-set chat platform is not its concern). */
export function loadHubConfig(source: Record<string, string | undefined>): {
  HF_TOKEN?: string;
  HF_ENDPOINT?: string;
} {
  const parsed = EnvSchema.pick({ HF_TOKEN: true, HF_ENDPOINT: true }).safeParse({
    HF_TOKEN: source.HF_TOKEN?.trim() || undefined,
    HF_ENDPOINT: source.HF_ENDPOINT?.trim() || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  return parsed.data;
}
