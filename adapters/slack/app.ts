// The Slack app: one Bolt App whose handlers serve both transports (the HTTP receiver and Socket Mode).
// Each handler turns its payload into a Question for the shared answer pipeline (adapters/shared/pipeline.ts)
// and sends what comes back: on the ack, through response_url, or as a chat message. Stateless: nothing is
// kept between requests except the per-process rate-limit buckets and finished answers, so any replica can
// answer any request, including a click on a message another replica posted.
import {
  App,
  type AllMiddlewareArgs,
  type BlockAction,
  type Receiver,
  type ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import { handle } from '../../commands/index.ts';
import { FAULT_TEXT } from '../../commands/lookup.ts';
import type { Reply } from '../../commands/types.ts';
import { vram } from '../../commands/vram.ts';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import type { DrawChart } from '../shared/attach.ts';
import { describeError, type Logger } from '../shared/log.ts';
import {
  createPipeline,
  DEFAULT_RATE_LIMIT,
  type AnswerPipeline,
  type Deliver,
  type Question,
} from '../shared/pipeline.ts';
import { RateLimiter, type RateLimitOptions } from '../shared/rate-limit.ts';
import type { ReplyCache } from '../shared/reply-cache.ts';
import { unescapeSlack } from './blocks.ts';
import { boltLogger } from './log.ts';
import {
  clampErrors,
  errorField,
  MODAL_CALLBACK_ID,
  MODEL_ACTION_ID,
  modalView,
  modelOptions,
  readOrigin,
  readSubmission,
  type Origin,
} from './modal.ts';
import { createOutbound, type Outbound } from './outbound.ts';
import type { Shortcut } from './receiver.ts';
import {
  ephemeral,
  notice,
  renderReply,
  toResponse,
  VARIANT_ACTION_PREFIX,
  type SlackAnswer,
  type SlackMessage,
} from './render.ts';

export { CHART_FILE, OUTBOUND } from './outbound.ts';
export { toResponse, type SlackAnswer } from './render.ts';

/** The slash command, from the declaration (the manifest test checks the manifest names the same). */
export const COMMAND = `/${vram.name}`;
/** Bot scopes the handlers below need; the manifest test checks the manifest grants exactly these. */
export const BOT_SCOPES = [
  'commands', // /vram
  'chat:write', // answers to mentions and DMs, ephemeral notices (chat.postMessage, chat.postEphemeral)
  'app_mentions:read', // app_mention events
  'im:history', // message.im events: questions in the app's DM
  'files:write', // the chart PNG (files.uploadV2)
] as const;
/** Events the handlers subscribe to. */
export const BOT_EVENTS = ['app_mention', 'message.im'] as const;

export interface SlackAppOptions {
  receiver: Receiver;
  botToken: string;
  log: Logger;
  /** Web API client options (tests pass `retryConfig: { retries: 0 }`). */
  clientOptions?: webApi.WebClientOptions;
  rateLimit?: RateLimitOptions;
  now?: () => number;
  /** Reads Hugging Face models named in a query (default: the public Hub, no token). */
  hub?: HubResolver;
  /** Finished /vram answers by question (default: a bounded cache; false turns it off). */
  replyCache?: ReplyCache<SlackAnswer> | false;
  /** Draws charts (default: shared/chart.ts on its worker thread; tests inject a fake or a failure). */
  drawChart?: DrawChart;
}

/** What every handler shares: the answer pipeline and the outbound calls. */
interface Context {
  pipeline: AnswerPipeline<SlackAnswer>;
  out: Outbound;
}

/**
 * Short timeouts and few retries: an answer that arrives a minute late is worse than a logged failure, and
 * the SDK's default policy retries for half an hour.
 */
export function defaultClientOptions(): webApi.WebClientOptions {
  return {
    timeout: 5000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
  };
}

export function createSlackApp(opts: SlackAppOptions): App & { drain(ms?: number): Promise<void> } {
  const { log } = opts;
  const clientOptions = { ...defaultClientOptions(), ...opts.clientOptions };
  const ctx: Context = {
    pipeline: createPipeline<SlackAnswer>({
      log,
      render,
      limiter: new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT),
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.hub ? { hub: opts.hub } : {}),
      ...(opts.replyCache !== undefined ? { cache: opts.replyCache } : {}),
    }),
    out: createOutbound({
      fetch: clientOptions.fetch ?? globalThis.fetch,
      log,
      ...(opts.drawChart ? { drawChart: opts.drawChart } : {}),
    }),
  };
  const app = new App({
    receiver: opts.receiver,
    // An authorize function instead of `token`: Bolt then never calls auth.test, so starting needs no
    // network. The bot user id comes from each event's `authorizations` (used by Bolt's ignoreSelf).
    authorize: async (_source, body) => ({ botToken: opts.botToken, botUserId: authorizedUser(body) }),
    logger: boltLogger(log.child({ component: 'bolt' })),
    clientOptions,
    // Conversation state would be per process; this app keeps none.
    convoStore: false,
  });
  if (answersDirectly(opts.receiver)) {
    // Bolt's listeners get a client per token; the direct path keeps one of its own, made when first needed.
    let client: webApi.WebClient | undefined;
    const direct = () => (client ??= new webApi.WebClient(opts.botToken, clientOptions));
    opts.receiver.answerDirectly(directAnswer(ctx, direct));
  }
  onCommand(app, ctx);
  onForm(app, ctx);
  onButtons(app, ctx);
  onMessages(app, ctx);
  // Listeners catch their own failures; this is the net under Bolt's own (authorization, middleware).
  app.error(async (err) => {
    log.error({ err: describeError(err) }, 'slack handler failed');
  });
  return Object.assign(app, { drain: (ms?: number) => ctx.pipeline.drain(ms) });
}

/** A command's answer: help, errors and `private` for the asker, results to the channel (design 2.3). */
function render(reply: Reply, q: Question): SlackAnswer {
  const msg = toResponse(reply);
  if (q.kind === 'command') return msg;
  // Details: a message for the clicker alone; the answer clicked stays.
  if (reply.kind === 'estimate' && reply.view === 'details')
    return { ...msg, response_type: 'ephemeral', replace_original: false };
  // A click: a result replaces the message; an error leaves it in place and tells only the clicker.
  return reply.kind === 'estimate'
    ? { ...msg, replace_original: true }
    : { ...msg, response_type: 'ephemeral', replace_original: false };
}

/** Rate limits are per person per workspace. */
function who(team: string | undefined, user: string | undefined): string {
  return `${team ?? ''}:${user ?? ''}`;
}

function limitNotice(o: { notice: string | null }): SlackAnswer | undefined {
  return o.notice ? ephemeral(notice(o.notice)) : undefined;
}

function commandQuestion(rawText: string): Extract<Question, { kind: 'command' }> {
  return { kind: 'command', input: { text: unescapeSlack(rawText).trim() } };
}

// ---------------------------------------------------------------- /vram <words>: the reply rides on the ack

/** A receiver that can answer some requests before Bolt (ours, over HTTP; Socket Mode cannot). */
interface DirectAnswers {
  answerDirectly(shortcut: Shortcut): void;
}
function answersDirectly(r: Receiver): r is Receiver & DirectAnswers {
  return typeof (r as Partial<DirectAnswers>).answerDirectly === 'function';
}

/**
 * A /vram line with words, over HTTP: answered here without Bolt's middleware chain (most of a Slack
 * answer's cost besides the estimate, measured with scripts/profile-endpoint.ts), by the same answerCommand
 * as onCommand. No words (the form needs Bolt's trigger handling) goes through Bolt.
 */
function directAnswer(ctx: Context, client: () => webApi.WebClient): Shortcut {
  return (body) => {
    if (body.command !== COMMAND || typeof body.text !== 'string') return undefined;
    const q = commandQuestion(body.text);
    if (!q.input.text) return undefined;
    const command = {
      team_id: str(body.team_id),
      user_id: str(body.user_id),
      channel_id: str(body.channel_id),
      response_url: str(body.response_url),
    };
    return answerCommand(ctx, q, command, client).ack ?? null;
  };
}

/** The fields of a slash command an answer uses (Bolt's SlashCommand and the raw form both have them). */
interface CommandPlace {
  team_id: string | undefined;
  user_id: string | undefined;
  channel_id: string | undefined;
  response_url: string | undefined;
}

/**
 * The answer to a /vram line with words: what the ack carries (undefined: an empty 200) and, when the answer
 * needs time (a Hub lookup or a chart can outlast Slack's 3 s), the work that posts it through response_url
 * while the ack carries a note only the asker sees. Never throws.
 */
function answerCommand(
  { pipeline, out }: Context,
  q: Extract<Question, { kind: 'command' }>,
  command: CommandPlace,
  client: () => webApi.WebClient,
): { ack: SlackAnswer | undefined; later?: Promise<void> } {
  try {
    const o = pipeline.ask(who(command.team_id, command.user_id), q, async (reply) =>
      out.respondTo(
        command.response_url,
        await out.withChart(reply, client(), { channel: command.channel_id }),
      ),
    );
    if (o.type === 'limited') return { ack: limitNotice(o) };
    if (o.type === 'answer') return { ack: o.out };
    const note = o.lookup ? `Looking up ${o.lookup} on the Hugging Face Hub…` : 'Drawing the chart…';
    return { ack: ephemeral(notice(note)), later: o.delivered };
  } catch (err) {
    pipeline.fault(err);
    return { ack: ephemeral(notice(FAULT_TEXT)) };
  }
}

function onCommand(app: App, ctx: Context): void {
  const { pipeline, out } = ctx;
  app.command(COMMAND, async ({ command, ack, client }) => {
    const acked = once(ack);
    try {
      const q = commandQuestion(command.text ?? '');
      if (!q.input.text) {
        const stop = pipeline.admit(who(command.team_id, command.user_id));
        if (stop) return await acked(limitNotice(stop));
        return await openForm(command, acked, client, out);
      }
      const answer = answerCommand(ctx, q, command, () => client);
      await acked(answer.ack);
      await answer.later;
    } catch (err) {
      pipeline.fault(err);
      await acked(ephemeral(notice(FAULT_TEXT))).catch((e: unknown) => out.failed('ack', e));
    }
  });
}

/** No words: the form. The trigger_id is valid for 3 s, so ack first and open right after. */
async function openForm(
  command: { trigger_id: string; channel_id: string; response_url: string },
  acked: () => Promise<void>,
  client: webApi.WebClient,
  out: Outbound,
): Promise<void> {
  await acked();
  try {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: modalView({ channelId: command.channel_id, responseUrl: command.response_url }),
    });
  } catch (err) {
    out.failed('views.open', err);
    const instead = `I couldn't open the form. Type your question instead, e.g. ${COMMAND} ${vram.examples[0]}`;
    await out
      .respondTo(command.response_url, ephemeral(notice(instead)))
      .catch((e: unknown) => out.failed('response_url', e));
  }
}

// ---------------------------------------------------------------- the form: typeahead and submission

function onForm(app: App, { pipeline, out }: Context): void {
  app.options(MODEL_ACTION_ID, async ({ options, ack }) => {
    try {
      await ack({ options: modelOptions(options.value ?? '') });
    } catch (err) {
      pipeline.fault(err);
      await ack({ options: [] }).catch((e: unknown) => out.failed('ack', e));
    }
  });

  app.view<ViewSubmitAction>(MODAL_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const acked = once(ack);
    try {
      const submission = readSubmission(view.state.values);
      if (!submission.ok) return await acked({ response_action: 'errors', errors: submission.errors });
      // The form's errors sit next to its fields, so it takes the limit alone, then the catalog answer.
      const stop = pipeline.admit(who(body.team?.id ?? body.user.team_id, body.user.id));
      if (stop) {
        return await acked({
          response_action: 'errors',
          errors: clampErrors({ model: stop.notice ?? 'Please wait a moment.' }),
        });
      }
      const reply = handle({ text: '', options: submission.options }, pipeline.fault);
      if (reply.kind === 'error') {
        const field = errorField(reply.message, submission.options);
        return await acked({ response_action: 'errors', errors: clampErrors({ [field]: reply.message }) });
      }
      await acked();
      await deliverForm(readOrigin(view.private_metadata), body.user.id, reply, client, out);
    } catch (err) {
      pipeline.fault(err);
      await acked({ response_action: 'errors', errors: clampErrors({ model: FAULT_TEXT }) }).catch(
        (e: unknown) => out.failed('ack', e),
      );
    }
  });
}

/**
 * The form's answer goes where /vram was typed, through the command's response_url: it works in DMs and
 * in channels the bot is not a member of (chat.postMessage would not). If that fails, the app's DM.
 */
async function deliverForm(
  origin: Origin | null,
  user: string,
  reply: Reply,
  client: webApi.WebClient,
  out: Outbound,
): Promise<void> {
  const msg = renderReply(reply);
  try {
    await out.respondTo(origin?.responseUrl, toResponse(reply, msg));
    return;
  } catch (err) {
    out.failed('response_url', err);
  }
  await client.chat
    .postMessage({
      channel: user,
      text: msg.text,
      blocks: msg.blocks,
      unfurl_links: false,
      unfurl_media: false,
    })
    .catch((err: unknown) => out.failed('chat.postMessage', err));
}

// ---------------------------------------------------------------- buttons: one thing changed, Details, Chart

function onButtons(app: App, { pipeline, out }: Context): void {
  app.action<BlockAction>(new RegExp(`^${VARIANT_ACTION_PREFIX}`), async ({ ack, action, body, client }) => {
    await ack();
    const url = body.response_url;
    const q: Question = { kind: 'button', payload: action.type === 'button' ? (action.value ?? '') : '' };
    // The chart goes into the thread of the answer clicked; if it cannot, the clicker gets it in words.
    const deliver: Deliver = async (reply) => {
      if (reply.kind === 'estimate' && reply.chart) {
        const where = { channel: body.channel?.id, threadTs: body.message?.ts };
        if (await out.uploadChart(client, reply.chart, where)) return;
        const inWords = toResponse(reply, renderReply(reply, { chart: false }));
        return out.respondTo(url, { ...inWords, response_type: 'ephemeral', replace_original: false });
      }
      return out.respondTo(url, render(reply, q));
    };
    try {
      const o = pipeline.ask(who(body.team?.id ?? body.user.team_id, body.user.id), q, deliver);
      if (o.type === 'limited') {
        if (o.notice) await out.respondTo(url, { ...ephemeral(notice(o.notice)), replace_original: false });
      } else if (o.type === 'answer') await out.respondTo(url, o.out);
      // A lookup or a chart: the message stays as it is until the answer arrives.
      else await o.delivered;
    } catch (err) {
      out.failed('response_url', err);
    }
  });
}

// ---------------------------------------------------------------- @vram in a channel, or a DM to the app

type Said = { channel: string; user?: string; text: string; ts: string; threadTs?: string; team?: string };

function onMessages(app: App, ctx: Context): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id || isLostAckRetry(context)) return;
    const said: Said = { channel: event.channel, user: event.user, text: event.text, ts: event.ts };
    if (event.thread_ts) said.threadTs = event.thread_ts;
    const team = (body as { team_id?: string }).team_id;
    if (team) said.team = team;
    await answerMessage(said, 'thread', client, ctx);
  });

  app.message(async ({ message, body, client, context }) => {
    // Only plain messages people send in the app's DM: no edits, joins or bot posts (our own included).
    if (message.channel_type !== 'im' || message.subtype !== undefined || isLostAckRetry(context)) return;
    if ('bot_id' in message && message.bot_id) return;
    const said: Said = {
      channel: message.channel,
      user: message.user,
      text: message.text ?? '',
      ts: message.ts,
    };
    if (message.thread_ts) said.threadTs = message.thread_ts;
    const team = (body as { team_id?: string }).team_id;
    if (team) said.team = team;
    await answerMessage(said, 'dm', client, ctx);
  });
}

async function answerMessage(
  said: Said,
  where: 'thread' | 'dm',
  client: webApi.WebClient,
  { pipeline, out }: Context,
): Promise<void> {
  if (!said.user) return;
  const threadTs = where === 'thread' ? (said.threadTs ?? said.ts) : said.threadTs;
  const thread = threadTs ? { thread_ts: threadTs } : {};
  const whisper = (msg: SlackMessage) =>
    client.chat
      .postEphemeral({
        channel: said.channel,
        user: said.user!,
        text: msg.text,
        blocks: msg.blocks,
        ...thread,
      })
      .catch((err: unknown) => out.failed('chat.postEphemeral', err));
  // In a DM everything is private already; in a channel, help, errors and `private` go to the asker only.
  const post = async (answer: SlackAnswer) => {
    if (answer.response_type === 'ephemeral' && where === 'thread') return void (await whisper(answer));
    await client.chat.postMessage({
      channel: said.channel,
      text: answer.text,
      blocks: answer.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...thread,
    });
  };
  const deliver: Deliver = async (reply) =>
    post(await out.withChart(reply, client, { channel: said.channel, threadTs: threadTs ?? said.ts }));
  try {
    const q: Question = { kind: 'command', input: { text: mentionText(said.text) } };
    const o = pipeline.ask(who(said.team, said.user), q, deliver);
    if (o.type === 'limited') {
      if (o.notice) await whisper(notice(o.notice));
    } else if (o.type === 'answer') await post(o.out);
    else await o.delivered;
  } catch (err) {
    out.failed('chat.postMessage', err);
    await whisper(notice(FAULT_TEXT));
  }
}

// ---------------------------------------------------------------- helpers

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Bolt throws on a second ack over HTTP; handlers that ack on several paths go through this. */
function once<T>(ack: (response?: T) => Promise<void>): (response?: T) => Promise<void> {
  let done = false;
  return async (response?: T) => {
    if (done) return;
    done = true;
    await ack(response);
  };
}

/** "<@U024BE7LH> llama-3.1-8b q4_k_m" -> "llama-3.1-8b q4_k_m": drop mentions, undo Slack's escaping. */
export function mentionText(text: string): string {
  return unescapeSlack(text.replace(/<[@!][^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The installation the event was delivered for: the bot user (saves Bolt an auth.test call). */
function authorizedUser(body: unknown): string | undefined {
  const auths = (body as { authorizations?: { user_id?: unknown }[] } | undefined)?.authorizations;
  const id = auths?.[0]?.user_id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Our receivers ack events before handling them, so a retry for `http_timeout` means Slack missed the ack,
 * not that the work was lost: answering again would post twice.
 */
function isLostAckRetry(context: AllMiddlewareArgs['context']): boolean {
  return (context.retryNum ?? 0) > 0 && context.retryReason === 'http_timeout';
}
