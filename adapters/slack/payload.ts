// The shape of a Slack payload, checked before Bolt sees it. Bolt trusts what it is given: a block_actions
// without `user` or with an empty `actions`, or an event whose `event` is null, throws a TypeError inside
// App.processEvent (and over HTTP that was a 500). A signed request is from Slack, but a bug, a replayed
// fixture or a leaked signing secret can still send nonsense; it gets a short answer and one log line.
//
// Only what Bolt's dispatch and our handlers read is checked, and only its type: every other field passes
// through untouched (the original body goes to Bolt, not the parsed copy), so a field Slack adds tomorrow
// cannot break anything. The payload is classified the way Bolt's getTypeAndConversation does it, so what is
// checked is exactly what Bolt will treat it as.
import type { App, ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../shared/log.ts';

/** What a slash command that cannot be read gets: Slack shows the ack body to the person who typed it. */
export const UNREADABLE_COMMAND_TEXT = "Sorry, I couldn't read that command. Please try again.";

export type PayloadCheck =
  | { ok: true }
  | {
      ok: false;
      /** For the log: which kind of payload and the first thing wrong with it (field names, never values). */
      reason: string;
      /** A slash command: the ack body to send instead (the asker sees it). Anything else: none. */
      reply?: { response_type: 'ephemeral'; text: string };
    };

const str = z.string();
const optStr = z.string().optional();
/** Any non-null, non-array object (Bolt uses `in` on these, which throws on null and primitives). */
const obj = z.object({});

/** Slack's interactivity payloads all carry who did it; Bolt reads `user.id` (and `user.team_id`) unguarded. */
const interactive = {
  user: z.object({ id: str, team_id: optStr }),
  team: z.object({ id: str }).nullable().optional(),
  enterprise: z.object({ id: str }).nullable().optional(),
  // Bolt reads `channel.id` whenever `channel` is present.
  channel: z.object({ id: optStr }).optional(),
  response_url: optStr,
  // view_submission with response_url_enabled; Bolt reads `response_urls[0].response_url`.
  response_urls: z.array(z.object({ response_url: str })).optional(),
  trigger_id: optStr,
};

const Command = z.object({
  command: str,
  // Slack always sends `text` (empty for a bare command); the handlers read it as a string.
  text: optStr,
  user_id: str,
  channel_id: str,
  team_id: optStr,
  response_url: optStr,
  trigger_id: optStr,
});

const Action = z.object({
  ...interactive,
  actions: z
    .array(
      z.object({
        // Bolt matches listeners with `action_id.match(...)` and `block_id.match(...)`.
        action_id: optStr,
        block_id: optStr,
        type: optStr,
        value: optStr,
      }),
    )
    .min(1),
});

/** A legacy dialog submission: no `actions`, Bolt hands the body itself to listeners. */
const DialogSubmission = z.object(interactive);

const Options = z.object({
  ...interactive,
  action_id: optStr,
  block_id: optStr,
  // What the asker typed in an external select.
  value: optStr,
});

const Shortcut = z.object({ ...interactive, callback_id: optStr });

/** A submitted form's state: only the keys readSubmission reads are typed; other element kinds pass. */
const StateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      type: optStr,
      value: z.string().nullable().optional(),
      selected_option: z.object({ value: str }).nullable().optional(),
      selected_options: z.array(z.object({ value: str })).optional(),
    }),
  ),
);

const view = {
  callback_id: str,
  private_metadata: optStr,
  app_installed_team_id: optStr,
};

const ViewSubmission = z.object({
  ...interactive,
  view: z.object({ ...view, state: z.object({ values: StateValues }) }),
});

const ViewClosed = z.object({
  ...interactive,
  view: z.object({ ...view, state: z.object({ values: StateValues }).optional() }),
});

/**
 * The inner event. Bolt finds its channel and user with `in` and property reads: `channel` and `user` are
 * strings or objects, `item` and `subteam` objects. The two events we answer are checked for what the
 * handlers read.
 */
const EventBase = z.object({
  type: str,
  channel: z.union([str, obj]).optional(),
  user: z.union([str, obj]).optional(),
  item: obj.optional(),
  subteam: obj.optional(),
});

const Said = z.object({
  channel: str,
  ts: str,
  user: optStr,
  thread_ts: optStr,
  bot_id: optStr,
});

const EventCallback = z.object({
  // Bolt reads `authorizations[0].team_id` when the list is not empty.
  authorizations: z
    .array(
      z.object({
        team_id: z.string().nullable().optional(),
        user_id: optStr,
        enterprise_id: z.string().nullable().optional(),
      }),
    )
    .optional(),
  event: EventBase,
});

const AppMention = Said.extend({ text: str });
// A message event may be an edit or a deletion (subtype, no text): typed when present, not required.
const Message = Said.partial().extend({ text: optStr, subtype: optStr, channel_type: optStr });

const INTERACTIVE_TYPES = new Set(['block_actions', 'interactive_message']);

/** Check a parsed body; `{ ok: true }` means Bolt can process it without tripping over its shape. */
export function checkPayload(body: unknown): PayloadCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: 'body is not an object' };
  const b = body as Record<string, unknown>;
  const kind = typeof b.type === 'string' ? b.type : undefined;

  // The same order as Bolt's getTypeAndConversation.
  if (b.event !== undefined || kind === 'event_callback') {
    const outer = verdict('event_callback', EventCallback, b);
    if (!outer.ok) return outer;
    const event = b.event as { type: string };
    if (event.type === 'app_mention') return verdict('app_mention', AppMention, event);
    if (event.type === 'message') return verdict('message', Message, event);
    return outer;
  }
  if (b.command !== undefined) {
    const v = verdict('slash command', Command, b);
    return v.ok ? v : { ...v, reply: { response_type: 'ephemeral', text: UNREADABLE_COMMAND_TEXT } };
  }
  if (b.name !== undefined || kind === 'block_suggestion') return verdict(kind ?? 'options', Options, b);
  if (kind === 'dialog_submission') return verdict(kind, DialogSubmission, b);
  if (b.actions !== undefined || (kind !== undefined && INTERACTIVE_TYPES.has(kind)))
    return verdict(kind ?? 'actions', Action, b);
  if (kind === 'shortcut' || kind === 'message_action') return verdict(kind, Shortcut, b);
  if (kind === 'view_submission') return verdict(kind, ViewSubmission, b);
  if (kind === 'view_closed') return verdict(kind, ViewClosed, b);
  // Anything else Bolt does not dispatch (it logs that no listener could be chosen); nothing to trip over.
  return { ok: true };
}

function verdict(what: string, schema: z.ZodType, value: unknown): PayloadCheck {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return { ok: false, reason: `${what}: ${where}: ${issue?.message ?? 'invalid'}`.slice(0, 200) };
}

/** The log line for a rejected payload: one line, no stack, no field values. */
export function logRejected(log: Logger, reason: string): void {
  log.warn({ reason }, 'slack payload rejected');
}

/**
 * Socket Mode: Bolt's SocketModeReceiver hands envelopes straight to App.processEvent. This puts the same
 * check in front: a malformed envelope is acked (so Slack does not redeliver it) and never reaches Bolt.
 */
export function guardProcessEvent(app: App, log: Logger): App {
  const guarded = Object.create(app) as App;
  guarded.processEvent = async (event: ReceiverEvent) => {
    const check = checkPayload(event.body);
    if (!check.ok) {
      logRejected(log, check.reason);
      await event.ack(check.reply);
      return;
    }
    await app.processEvent(event);
  };
  return guarded;
}
