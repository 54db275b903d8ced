// The one Discord core both transports share: interaction JSON in, interaction response JSON out.
// The HTTP endpoint returns the response as its body; the gateway POSTs it to the callback route.
// Catalog answers are computed synchronously in milliseconds. A query naming a Hugging Face model needs a
// lookup that may take longer than Discord's 3 seconds: it is answered with a deferral (type 5, or 6 for a
// button) and the result replaces the original through the interaction webhook once the lookup is done.
// Every fault still becomes a short ephemeral answer (never "The application did not respond").
import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from 'discord.js';
import { ComponentType, InteractionResponseType, InteractionType } from './api.ts';
import { z } from 'zod';
import { complete, searchGpus, searchModels } from '../../commands/complete.ts';
import { FAULT_TEXT } from '../../commands/lookup.ts';
import type { Reply } from '../../commands/types.ts';
import { isVariantPayload, isViewPayload } from '../../commands/variants.ts';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import { createPipeline, type Deliver, type Question } from '../shared/pipeline.ts';
import type { RateLimiter } from '../shared/rate-limit.ts';
import type { ReplyCache } from '../shared/reply-cache.ts';
import type { Logger } from '../shared/log.ts';
import { DISCORD_COMMAND, readOptions } from './command.ts';
import { EPHEMERAL, LIMITS } from './limits.ts';
import { CHART_FILE, clip, renderReply, textMessage, type DiscordMessage } from './render.ts';
import { chartPng, type DrawChart } from '../shared/attach.ts';

/** The part of an interaction the core reads; raw API JSON satisfies it as is. */
const InteractionSchema = z.object({
  type: z.number().int(),
  id: z.string().optional(),
  /** With `token`, addresses the interaction webhook for a deferred answer. */
  application_id: z.string().optional(),
  token: z.string().optional(),
  user: z.object({ id: z.string() }).optional(),
  member: z.object({ user: z.object({ id: z.string() }).optional() }).optional(),
  data: z
    .object({
      name: z.string().optional(),
      options: z
        .array(
          z.object({
            name: z.string(),
            type: z.number().int(),
            value: z.union([z.string(), z.number(), z.boolean()]).optional(),
            focused: z.boolean().optional(),
          }),
        )
        .optional(),
      custom_id: z.string().optional(),
      component_type: z.number().int().optional(),
    })
    .optional(),
});
export type InteractionIn = z.infer<typeof InteractionSchema>;

/** Parsed JSON -> an interaction, or null when it does not look like one (HTTP answers 400). */
export function parseInteraction(json: unknown): InteractionIn | null {
  const parsed = InteractionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * `sent` resolves once the transport has delivered the response (HTTP: written; gateway: callback POSTed):
 * a deferred answer edits the original only after Discord has it.
 */
export type InteractionHandler = ((
  interaction: InteractionIn,
  context?: { sent?: Promise<unknown> },
) => APIInteractionResponse) & {
  /** Wait (at most `ms`) for deferred answers still on their way: shutdown calls it. */
  drain?: (ms?: number) => Promise<void>;
};

/** The interaction webhook (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export interface InteractionWebhook {
  /** PATCH /webhooks/{application.id}/{interaction.token}/messages/@original (with files: multipart) */
  editOriginal(
    applicationId: string,
    token: string,
    message: DiscordMessage,
    files?: WebhookFile[],
  ): Promise<void>;
  /** DELETE /webhooks/{application.id}/{interaction.token}/messages/@original */
  deleteOriginal(applicationId: string, token: string): Promise<void>;
  /** POST /webhooks/{application.id}/{interaction.token} */
  followUp(applicationId: string, token: string, message: DiscordMessage & { flags?: number }): Promise<void>;
}

/** A file attached to a webhook message (the chart PNG). */
export interface WebhookFile {
  name: string;
  data: Buffer;
  contentType: string;
}

export interface CoreOptions {
  log: Logger;
  /** Per-user token bucket (default DEFAULT_RATE_LIMIT: a burst of 5, then one request every 2 seconds). */
  limiter?: RateLimiter;
  now?: () => number;
  /** Reads Hugging Face models (default: the public Hub, no token). */
  hub?: HubResolver;
  /** Where deferred answers go; without one, Hub lookups are answered with an ephemeral note. */
  webhook?: InteractionWebhook;
  /** Finished catalog answers by question (default: a bounded cache; false turns it off). */
  replyCache?: ReplyCache<APIInteractionResponse> | false;
  /** Draws charts (default: shared/chart.ts on its worker thread; tests inject a fake or a failure). */
  drawChart?: DrawChart;
}

/** Above this, a reply is logged as slow: it is eating into Discord's 3-second window. */
const SLOW_MS = LIMITS.responseDeadlineMs / 3;

/**
 * A command's answer is a new message; a click's replaces the message, or tells only the clicker why not.
 * Details are a new message for the clicker alone.
 */
function render(reply: Reply, q: Question): APIInteractionResponse {
  const message = renderReply(reply);
  if (
    q.kind === 'button' &&
    reply.kind !== 'error' &&
    !(reply.kind === 'estimate' && reply.view === 'details')
  )
    // The message keeps its visibility: an update cannot change who sees it.
    return { type: InteractionResponseType.UpdateMessage, data: message };
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: reply.ephemeral ? { ...message, flags: EPHEMERAL } : message,
  };
}

export function createInteractionHandler(opts: CoreOptions): InteractionHandler {
  const { log } = opts;
  const now = opts.now ?? Date.now;
  const webhook = opts.webhook;
  const draw = opts.drawChart;
  const pipeline = createPipeline<APIInteractionResponse>({
    log,
    render,
    now,
    ...(opts.limiter ? { limiter: opts.limiter } : {}),
    ...(opts.hub ? { hub: opts.hub } : {}),
    ...(opts.replyCache !== undefined ? { cache: opts.replyCache } : {}),
  });

  /**
   * Where a deferred answer goes. `command`: the result replaces the "thinking" message; a public deferral
   * cannot turn ephemeral, so an error there removes it and tells only the asker in an ephemeral follow-up.
   * `update` (a variant click): the result replaces the message clicked; an error is a follow-up to the
   * clicker. `view` (Details, Chart): the clicker's own ephemeral message. Undefined when the interaction
   * cannot be addressed later.
   */
  function deliverer(
    i: InteractionIn,
    sent: Promise<unknown> | undefined,
    how: 'command' | 'update' | 'view',
  ): Deliver | undefined {
    if (!webhook || typeof i.application_id !== 'string' || typeof i.token !== 'string') return undefined;
    const app = i.application_id;
    const token = i.token;
    return async (reply, asked) => {
      await (sent ?? Promise.resolve()).catch(() => undefined);
      if (reply.kind === 'estimate' && reply.chart) {
        const png = await chartPng(reply.chart, {
          maxBytes: LIMITS.attachmentBytes,
          theme: 'dark',
          log,
          draw,
        });
        const files = png ? [{ name: CHART_FILE, data: png, contentType: 'image/png' }] : undefined;
        return webhook.editOriginal(app, token, renderReply(reply, { chart: png !== null }), files);
      }
      const message = renderReply(reply);
      // A private command was deferred privately, so its original can carry any answer.
      if (reply.kind === 'estimate' || how === 'view' || (how === 'command' && asked.private))
        return webhook.editOriginal(app, token, message);
      if (how === 'command') await webhook.deleteOriginal(app, token).catch(() => undefined);
      return webhook.followUp(app, token, { ...message, flags: EPHEMERAL });
    };
  }

  /** What a limited user sees: the notice once per window; after that a tick (a command needs an answer). */
  function limitedAnswer(o: { notice: string | null; retryAfterMs: number }, on: Question['kind']) {
    if (o.notice) return ephemeral(o.notice);
    if (on === 'button') return { type: InteractionResponseType.DeferredMessageUpdate } as const;
    return ephemeral(`⏳ ${Math.max(1, Math.ceil(o.retryAfterMs / 1000))} s`);
  }

  function command(i: InteractionIn, sent: Promise<unknown> | undefined): APIInteractionResponse {
    if (i.data?.name !== DISCORD_COMMAND.name)
      return ephemeral(`This bot answers \`/${DISCORD_COMMAND.name}\` only.`);
    const question: Question = { kind: 'command', input: readOptions(i.data.options) };
    const deliver = deliverer(i, sent, 'command');
    const o = pipeline.ask(userId(i), question, deliver);
    if (o.type === 'limited') return limitedAnswer(o, 'command');
    if (o.type === 'answer') return o.out;
    // Private queries defer privately: ephemerality is fixed by the first response.
    return {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(o.private ? { data: { flags: EPHEMERAL } } : {}),
    };
  }

  function autocomplete(i: InteractionIn): APIInteractionResponse {
    const focused = i.data?.options?.find((o) => o.focused);
    const typed = String(focused?.value ?? '');
    let choices: APIApplicationCommandOptionChoice<string>[] = [];
    if (focused?.name === 'query') choices = complete(typed, LIMITS.autocomplete.choiceLength).map(same);
    else if (focused?.name === 'model')
      choices = searchModels(typed).map((m) => named(`${m.name} (${m.id})`, m.id));
    else if (focused?.name === 'gpu') choices = searchGpus(typed).map((g) => named(g.name, g.id));
    return {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        // A value longer than Discord allows cannot be clipped (it would mean something else): drop it.
        choices: choices
          .filter(
            (c) =>
              c.name.length > 0 && c.value.length > 0 && c.value.length <= LIMITS.autocomplete.choiceLength,
          )
          .slice(0, LIMITS.autocomplete.choices),
      },
    };
  }

  function button(i: InteractionIn, sent: Promise<unknown> | undefined): APIInteractionResponse {
    const id = i.data?.custom_id ?? '';
    if (i.data?.component_type !== ComponentType.Button || !isVariantPayload(id))
      return ephemeral('This button is from an older version of the bot; ask again with `/vram`.');
    const view = isViewPayload(id);
    const deliver = deliverer(i, sent, view ? 'view' : 'update');
    const o = pipeline.ask(userId(i), { kind: 'button', payload: id }, deliver);
    if (o.type === 'limited') return limitedAnswer(o, 'button');
    if (o.type === 'answer') return o.out;
    // Details or the chart: a new message for the clicker, "thinking" until it is ready.
    if (view)
      return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } };
    // The message stays as it is until the lookup is done, then the result replaces it.
    return { type: InteractionResponseType.DeferredMessageUpdate };
  }

  const handler: InteractionHandler = (i, context) => {
    const started = now();
    try {
      const response = dispatch(i, context?.sent);
      const ms = now() - started;
      if (ms > SLOW_MS) log.warn({ type: i.type, ms }, 'slow interaction');
      return response;
    } catch (err) {
      pipeline.fault(err);
      return i.type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : ephemeral(FAULT_TEXT);
    }
  };
  handler.drain = (ms) => pipeline.drain(ms);
  return handler;

  function dispatch(i: InteractionIn, sent: Promise<unknown> | undefined): APIInteractionResponse {
    switch (i.type) {
      case InteractionType.Ping:
        return { type: InteractionResponseType.Pong };
      case InteractionType.ApplicationCommand:
        return command(i, sent);
      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete(i);
      case InteractionType.MessageComponent:
        return button(i, sent);
      default:
        return ephemeral("I can't answer that kind of interaction.");
    }
  }
}

function ephemeral(text: string): APIInteractionResponse {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...textMessage(text), flags: EPHEMERAL },
  };
}

/** In servers the user sits under `member`; in DMs at the top level. */
function userId(i: InteractionIn): string | undefined {
  return i.member?.user?.id ?? i.user?.id;
}

function same(s: string): APIApplicationCommandOptionChoice<string> {
  return named(s, s);
}

function named(name: string, value: string): APIApplicationCommandOptionChoice<string> {
  return { name: clip(name, LIMITS.autocomplete.choiceLength), value };
}
