// Correctly signed platform requests for the load benchmark and the soak: Slack's HMAC-SHA256 over
// "v0:<ts>:<body>" and Discord's Ed25519 over "<ts><body>", with a throwaway Discord key pair.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SignedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export const SLACK_SECRET = 'bench-signing-secret-0123456789';
export const SLACK_TOKEN = 'xoxb-bench-0000-token';

export function discordKeys(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The raw 32-byte key is the tail of the SPKI DER encoding.
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
  return { publicKeyHex, privateKey };
}

export function slackCommand(
  text: string,
  user: string,
  opts: { secret?: string; tsOffset?: number } = {},
): SignedRequest {
  const body = new URLSearchParams({
    token: 'unused',
    team_id: 'T0BENCH',
    channel_id: 'C0BENCH',
    user_id: user,
    user_name: user,
    command: '/vram',
    text,
    response_url: 'https://hooks.slack.com/commands/T0BENCH/1/x',
    trigger_id: '1.2.3',
  }).toString();
  return slackSigned(body, 'application/x-www-form-urlencoded', opts);
}

export function slackSigned(
  body: string,
  contentType: string,
  opts: { secret?: string; tsOffset?: number } = {},
): SignedRequest {
  const ts = String(Math.floor(Date.now() / 1000) + (opts.tsOffset ?? 0));
  const sig =
    'v0=' +
    createHmac('sha256', opts.secret ?? SLACK_SECRET)
      .update(`v0:${ts}:${body}`)
      .digest('hex');
  return {
    path: '/slack/events',
    headers: { 'content-type': contentType, 'x-slack-signature': sig, 'x-slack-request-timestamp': ts },
    body,
  };
}

/** A Discord interaction of `type` (2 command, 3 button, 4 autocomplete) from `user`. */
export function discordInteraction(
  key: KeyObject,
  user: string,
  kind: { command: string } | { autocomplete: string } | { button: string },
): SignedRequest {
  const base = {
    id: '1',
    application_id: '1',
    token: 'interaction-token',
    version: 1,
    channel_id: '2',
    guild_id: '3',
    member: { user: { id: user, username: user } },
    authorizing_integration_owners: { '0': '3' },
  };
  let payload: object;
  if ('command' in kind) {
    payload = {
      ...base,
      type: 2,
      data: { id: '9', name: 'vram', type: 1, options: [{ name: 'query', type: 3, value: kind.command }] },
    };
  } else if ('autocomplete' in kind) {
    payload = {
      ...base,
      type: 4,
      data: {
        id: '9',
        name: 'vram',
        type: 1,
        options: [{ name: 'query', type: 3, value: kind.autocomplete, focused: true }],
      },
    };
  } else {
    payload = {
      ...base,
      type: 3,
      message: { id: '5', channel_id: '2' },
      data: { custom_id: kind.button, component_type: 2 },
    };
  }
  return discordSigned(key, JSON.stringify(payload));
}

export function discordSigned(key: KeyObject, body: string): SignedRequest {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = sign(null, Buffer.from(ts + body), key).toString('hex');
  return {
    path: '/discord/interactions',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
    body,
  };
}

/** The environment that serves both HTTP endpoints with the benchmark's credentials. */
export function botEnv(
  slackPort: number,
  discordPort: number,
  discordPublicKeyHex: string,
): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_PORT: String(slackPort),
    DISCORD_PUBLIC_KEY: discordPublicKeyHex,
    DISCORD_APPLICATION_ID: '1',
    DISCORD_PORT: String(discordPort),
    HOST: '127.0.0.1',
  };
}
