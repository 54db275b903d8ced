// What several Slack test files build alike: the HTTP transport on a loopback port, and a click on one of
// the answer's buttons as Slack sends it.
import { loadConfig } from '../adapters/config.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { startSlack, type SlackService } from '../adapters/slack/index.ts';
import { VARIANT_ACTION_PREFIX } from '../adapters/slack/render.ts';

/** The HTTP transport on a free port of 127.0.0.1; every log line goes into `logs`. */
export async function startSlackHttp(
  secrets: { signingSecret: string; botToken: string },
  level: 'debug' | 'info',
  logs: string[],
): Promise<SlackService> {
  const source = {
    SLACK_SIGNING_SECRET: secrets.signingSecret,
    SLACK_BOT_TOKEN: secrets.botToken,
    SLACK_PORT: '0',
    HOST: '127.0.0.1',
  };
  const { env } = loadConfig(source);
  const log = createLogger(source, level, { write: (l: string) => void logs.push(l) });
  return startSlack(env, 'http', log);
}

/**
 * A click on an answer's button (block_actions) by U1 in C1 of T1. The action id names `variant` (by
 * default the one the payload names), so a test can also send an id and a payload that disagree.
 */
export function slackClick(
  value: string,
  opts: { responseUrl: string; variant?: string },
): Record<string, unknown> {
  const variant = opts.variant ?? /^v1:([a-z]+):/.exec(value)?.[1] ?? '';
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'team' },
    user: { id: 'U1', name: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: false },
    channel: { id: 'C1', name: 'general' },
    message: { type: 'message', ts: '1700000000.000100', text: 'x' },
    response_url: opts.responseUrl,
    trigger_id: '1.2.trigger',
    actions: [
      {
        type: 'button',
        action_id: `${VARIANT_ACTION_PREFIX}${variant}`,
        block_id: 'vram_variants',
        value,
        action_ts: '1700000001.000200',
        text: { type: 'plain_text', text: variant },
      },
    ],
  };
}
