// The one Discord core both transports share: interaction JSON in, interaction response JSON out.
// The HTTP endpoint returns the response as its body; the gateway POSTs it to the callback route.
// Catalog answers are computed synchronously in milliseconds. A query naming a Hugging Face model needs a
// lookup that may take longer than Discord's 3 seconds: it is answered with a deferral (type 5, or 6 for a
// button) and the result replaces the original through the interaction webhook once the lookup is done.
// Every fault still becomes a short ephemeral answer (never "The application did not respond").
import {
  ComponentType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
} from 'discord.js';
import { z } from 'zod';
import { handle, handleAsync, lookupTarget, runVariantAsync } from '../../commands/index.ts';
import { complete, searchGpus, searchModels } from '../../commands/complete.ts';
import type { Reply } from '../../commands/types.ts';
import { draftOf } from '../../commands/vram.ts';
import { isVariantPayload, runVariant, variantHubModel } from '../../commands/variants.ts';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import { EXAMPLE } from '../../src/query/parse.ts';
import { hubFromConfig } from '../shared/hub.ts';
import { RateLimiter, rateLimitMessage } from '../shared/rate-limit.ts';
import { keepUnlessFaulted, ReplyCache, replyKey } from '../shared/reply-cache.ts';
import type { Logger } from '../shared/log.ts';
import { DISCORD_COMMAND, readOptions } from './command.ts';
import { EPHEMERAL, LIMITS } from './limits.ts';
import { clip, renderReply, textMessage, type DiscordMessage } from './render.ts';

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
export type InteractionHandler = (
  interaction: InteractionIn,
  context?: { sent?: Promise<unknown> },
) => APIInteractionResponse;

/** The interaction webhook (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export interface InteractionWebhook {
  /** PATCH /webhooks/{application.id}/{interaction.token}/messages/@original */
  editOriginal(applicationId: string, token: string, message: DiscordMessage): Promise<void>;
  /** DELETE /webhooks/{application.id}/{interaction.token}/messages/@original */
  deleteOriginal(applicationId: string, token: string): Promise<void>;
  /** POST /webhooks/{application.id}/{interaction.token} */
  followUp(applicationId: string, token: string, message: DiscordMessage & { flags?: number }): Promise<void>;
}

export interface CoreOptions {
  log: Logger;
  /** Per-user token bucket; the default allows a burst of 5, then one request every 2 seconds. */
  limiter?: RateLimiter;
  now?: () => number;
  /** Reads Hugging Face models (default: the public Hub, no token). */
  hub?: HubResolver;
  /** Where deferred answers go; without one, Hub lookups are answered with an ephemeral note. */
  webhook?: InteractionWebhook;
  /** Finished catalog answers by question (default: a bounded cache; false turns it off). */
  replyCache?: ReplyCache<APIInteractionResponse> | false;
}

export const DEFAULT_RATE_LIMIT = { capacity: 5, perSecond: 0.5 } as const;

export const FAULT_MESSAGE = `Something went wrong on our side; it has been logged. Try again, or try \`/vram ${EXAMPLE}\`.`;

/** Above this, a reply is logged as slow: it is eating into Discord's 3-second window. */
const SLOW_MS = LIMITS.responseDeadlineMs / 3;

export function createInteractionHandler(opts: CoreOptions): InteractionHandler {
  const { log } = opts;
  const limiter = opts.limiter ?? new RateLimiter(DEFAULT_RATE_LIMIT);
  const now = opts.now ?? Date.now;
  const onFault = (err: unknown) => log.error({ err }, 'command fault');
  const hub = opts.hub ?? hubFromConfig({});
  const webhook = opts.webhook;
  const cache = opts.replyCache === false ? undefined : (opts.replyCache ?? new ReplyCache());

  type Compute = (onFault: (err: unknown) => void) => APIInteractionResponse;
  const fill = (key: string, compute: Compute) => keepUnlessFaulted(cache, key, onFault, compute);
  /** Answer from the cache, or compute (and keep) the answer. */
  const cached = (key: string, compute: Compute) => cache?.get(key) ?? fill(key, compute);

  /**
   * Finish a deferred interaction: the result replaces the "thinking" message. A public deferral cannot
   * turn ephemeral, so an error there removes it and tells only the asker in an ephemeral follow-up.
   */
  function later(
    i: InteractionIn,
    sent: Promise<unknown> | undefined,
    work: () => Promise<Reply>,
    how: { deferredEphemeral: boolean; button: boolean },
  ): void {
    const app = i.application_id!;
    const token = i.token!;
    void (async () => {
      const reply = await work();
      await (sent ?? Promise.resolve()).catch(() => undefined);
      const message = renderReply(reply);
      if (reply.kind === 'estimate' || how.deferredEphemeral)
        return webhook!.editOriginal(app, token, message);
      if (!how.button) await webhook!.deleteOriginal(app, token).catch(() => undefined);
      return webhook!.followUp(app, token, { ...message, flags: EPHEMERAL });
    })().catch((err: unknown) =>
      log.error({ error: describeError(err), interaction: i.id }, 'discord deferred answer failed'),
    );
  }

  /** A deferral is possible when the interaction can be addressed later and a webhook is wired. */
  const canDefer = (i: InteractionIn) =>
    webhook !== undefined && typeof i.application_id === 'string' && typeof i.token === 'string';

  /** null when the user may go ahead; else the answer to give instead (at most one full notice per window). */
  function limited(i: InteractionIn, on: 'command' | 'button'): APIInteractionResponse | null {
    const user = userId(i);
    // Discord always sends a user; without one there is nothing to key the bucket on.
    if (!user) return null;
    const d = limiter.take(user, now());
    if (d.ok) return null;
    log.debug({ user, retryAfterMs: d.retryAfterMs, notify: d.notify }, 'rate limited');
    if (d.notify) return ephemeral(rateLimitMessage(d.retryAfterMs));
    // Every slash command needs some answer; a button can be acknowledged silently.
    if (on === 'button') return { type: InteractionResponseType.DeferredMessageUpdate };
    return ephemeral(`⏳ ${Math.max(1, Math.ceil(d.retryAfterMs / 1000))} s`);
  }

  function command(i: InteractionIn): APIInteractionResponse {
    if (i.data?.name !== DISCORD_COMMAND.name)
      return ephemeral(`This bot answers \`/${DISCORD_COMMAND.name}\` only.`);
    const stop = limited(i, 'command');
    if (stop) return stop;
    const input = readOptions(i.data.options);
    const key = replyKey('command', input.text, input.options);
    const hit = cache?.get(key);
    if (hit) return hit;
    if (lookupTarget(input) !== undefined && canDefer(i)) {
      // Private queries defer privately: ephemerality is fixed by the first response.
      const deferredEphemeral = isPrivate(input);
      later(i, sent, () => handleAsync(input, { hub }, onFault), { deferredEphemeral, button: false });
      return {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        ...(deferredEphemeral ? { data: { flags: EPHEMERAL } } : {}),
      };
    }
    return fill(key, (fault) => {
      const reply = handle(input, fault);
      const message = renderReply(reply);
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: reply.ephemeral ? { ...message, flags: EPHEMERAL } : message,
      };
    });
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

  function button(i: InteractionIn): APIInteractionResponse {
    const id = i.data?.custom_id ?? '';
    if (i.data?.component_type !== ComponentType.Button || !isVariantPayload(id))
      return ephemeral('This button is from an older version of the bot; ask again with `/vram`.');
    const stop = limited(i, 'button');
    if (stop) return stop;
    if (variantHubModel(id) !== undefined && canDefer(i)) {
      // The message stays as it is until the lookup is done, then the result replaces it.
      later(i, sent, () => runVariantAsync(id, { hub }, onFault), { deferredEphemeral: false, button: true });
      return { type: InteractionResponseType.DeferredMessageUpdate };
    }
    return cached(replyKey('button', id), () => {
      const reply = runVariant(id);
      // A failed variant leaves the original answer in place and tells only the clicker why.
      if (reply.kind === 'error')
        return {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { ...renderReply(reply), flags: EPHEMERAL },
        };
      // The message keeps its visibility: an update cannot change who sees it.
      return { type: InteractionResponseType.UpdateMessage, data: renderReply(reply) };
    });
  }

  // The transport's "response delivered" promise for the interaction being dispatched.
  let sent: Promise<unknown> | undefined;

  return (i, context) => {
    const started = now();
    sent = context?.sent;
    try {
      const response = dispatch(i);
      const ms = now() - started;
      if (ms > SLOW_MS) log.warn({ type: i.type, ms }, 'slow interaction');
      return response;
    } catch (err) {
      log.error({ err, type: i.type }, 'interaction fault');
      return i.type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : ephemeral(FAULT_MESSAGE);
    }
  };

  function dispatch(i: InteractionIn): APIInteractionResponse {
    switch (i.type) {
      case InteractionType.Ping:
        return { type: InteractionResponseType.Pong };
      case InteractionType.ApplicationCommand:
        return command(i);
      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete(i);
      case InteractionType.MessageComponent:
        return button(i);
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

/** The query asks for a private answer (`private` word or typed option). */
function isPrivate(input: { text: string; options: Record<string, string | number | boolean> }): boolean {
  try {
    return draftOf(input).visibility === 'private';
  } catch {
    return false;
  }
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

/**
 * A platform error, safe to log: discord.js errors carry the request URL, which for interaction
 * callbacks contains the interaction token (a credential), so only these fields are kept.
 */
export function describeError(err: unknown): {
  name: string;
  message: string;
  status?: number;
  code?: unknown;
} {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const e = err as Error & { status?: unknown; code?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(e.code !== undefined ? { code: e.code } : {}),
  };
}
