// The interaction webhook over plain fetch, for HTTP interactions mode (the gateway uses discord.js's REST
// client instead): edit the deferred original, delete it, or send a follow-up. Interaction tokens are the
// auth; they appear only in the request path and never in an error message or a log line.
import type { InteractionWebhook, WebhookFile } from './core.ts';
import type { DiscordMessage } from './render.ts';

export const DISCORD_API = 'https://discord.com/api/v10';

export class WebhookError extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`${what} answered HTTP ${status}`);
    this.name = 'WebhookError';
  }
}

export interface FetchWebhookOptions {
  api?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Wait before the one retry of a 404 (Discord may not have processed the deferral yet) or a 429. */
  retryMs?: number;
}

const SNOWFLAKE = /^\d{1,25}$/;
const TOKEN = /^[A-Za-z0-9._-]{1,500}$/;

export function fetchWebhook(opts: FetchWebhookOptions = {}): InteractionWebhook {
  const api = opts.api ?? DISCORD_API;
  const f = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const retryMs = opts.retryMs ?? 750;

  async function call(
    method: string,
    app: string,
    token: string,
    rest: string,
    what: string,
    body?: unknown,
    files: WebhookFile[] = [],
  ) {
    if (!SNOWFLAKE.test(app) || !TOKEN.test(token)) throw new Error(`${what}: not an interaction id/token`);
    for (let attempt = 0; ; attempt++) {
      const res = await f(`${api}/webhooks/${app}/${token}${rest}`, {
        method,
        ...encode(body, files),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.text().catch(() => '');
      if (res.ok) return;
      if (attempt === 0 && (res.status === 404 || res.status === 429)) {
        const after = Number(res.headers.get('retry-after'));
        await new Promise((r) =>
          setTimeout(r, Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 5000) : retryMs),
        );
        continue;
      }
      throw new WebhookError(res.status, what);
    }
  }

  return {
    editOriginal: (app, token, message: DiscordMessage, files?: WebhookFile[]) =>
      call('PATCH', app, token, '/messages/@original', 'PATCH @original', message, files),
    deleteOriginal: (app, token) => call('DELETE', app, token, '/messages/@original', 'DELETE @original'),
    followUp: (app, token, message) => call('POST', app, token, '', 'follow-up', message),
  };
}

/**
 * JSON, or with files multipart/form-data: `payload_json` names each file under `attachments` and the bytes
 * go as `files[n]` (https://discord.com/developers/docs/reference#uploading-files). fetch sets the boundary.
 */
function encode(
  body: unknown,
  files: WebhookFile[],
): { headers?: Record<string, string>; body?: string | FormData } {
  if (body === undefined) return {};
  if (files.length === 0)
    return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const form = new FormData();
  const attachments = files.map((file, id) => ({ id, filename: file.name }));
  form.append('payload_json', JSON.stringify({ ...(body as object), attachments }));
  files.forEach((file, n) =>
    form.append(`files[${n}]`, new Blob([file.data], { type: file.contentType }), file.name),
  );
  return { body: form };
}
