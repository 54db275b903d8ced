// The one Discord core both transports share: interaction JSON in, interaction response JSON out.
// The HTTP endpoint returns the response as its body; the gateway POSTs it to the callback route.
// Everything is computed synchronously in milliseconds, so there is never a deferral to forget, and
// every fault still becomes a short ephemeral answer (never "The application did not respond").
import {
  ComponentType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
} from 'discord.js';
import { z } from 'zod';
import { handle } from '../../commands/index.ts';
import { complete, searchGpus, searchModels } from '../../commands/complete.ts';
import { isVariantPayload, runVariant } from '../../commands/variants.ts';
import { EXAMPLE } from '../../src/query/parse.ts';
import { RateLimiter, rateLimitMessage } from '../shared/rate-limit.ts';
import type { Logger } from '../shared/log.ts';
import { DISCORD_COMMAND, readOptions } from './command.ts';
import { EPHEMERAL, LIMITS } from './limits.ts';
import { clip, renderReply, textMessage } from './render.ts';

/** The part of an interaction the core reads; raw API JSON satisfies it as is. */
const InteractionSchema = z.object({
  type: z.number().int(),
  id: z.string().optional(),
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

export type InteractionHandler = (interaction: InteractionIn) => APIInteractionResponse;

export interface CoreOptions {
  log: Logger;
  /** Per-user token bucket; the default allows a burst of 5, then one request every 2 seconds. */
  limiter?: RateLimiter;
  now?: () => number;
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
    const reply = handle(readOptions(i.data.options), onFault);
    const message = renderReply(reply);
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: reply.ephemeral ? { ...message, flags: EPHEMERAL } : message,
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

  function button(i: InteractionIn): APIInteractionResponse {
    const id = i.data?.custom_id ?? '';
    if (i.data?.component_type !== ComponentType.Button || !isVariantPayload(id))
      return ephemeral('This button is from an older version of the bot; ask again with `/vram`.');
    const stop = limited(i, 'button');
    if (stop) return stop;
    const reply = runVariant(id);
    // A failed variant leaves the original answer in place and tells only the clicker why.
    if (reply.kind === 'error')
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { ...renderReply(reply), flags: EPHEMERAL },
      };
    // The message keeps its visibility: an update cannot change who sees it.
    return { type: InteractionResponseType.UpdateMessage, data: renderReply(reply) };
  }

  return (i) => {
    const started = now();
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
