// What the Slack app sends after its ack: posts to a response_url (bounded, timed, Slack's hosts only) and
// chart uploads (files.uploadV2). One place for the app's outbound calls, so every handler shares the
// same bounds and the same failure logging.
import pLimit from 'p-limit';
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../commands/types.ts';
import type { ChartData } from '../../src/chart-data.ts';
import { chartPng, type DrawChart } from '../shared/attach.ts';
import { describeError, type Logger } from '../shared/log.ts';
import { SLACK_LIMITS } from './limits.ts';
import { renderReply, toResponse, type SlackAnswer } from './render.ts';

/** A reply posted later through response_url has to arrive while the user still waits. */
const RESPONSE_URL_TIMEOUT_MS = 5000;
/** response_url posts: this many at once per process, this many more waiting; past that, dropped and logged. */
export const OUTBOUND = { concurrency: 8, maxQueued: 1000 } as const;
/** Only Slack's own hosts receive response_url posts (the URL arrives in signed payloads; belt and braces). */
const RESPONSE_URL = /^https:\/\/hooks\.slack(-gov)?\.com\//;
/** The chart's file name in Slack. */
export const CHART_FILE = 'vram-chart.png';

/** Where an answer sits: its channel, and the thread when there is one. */
export interface Place {
  channel: string | undefined;
  threadTs?: string | undefined;
}

export interface Outbound {
  /** POST to a response_url. Rejects on a bad URL, a full queue, a timeout or a non-2xx. */
  respondTo(url: string | undefined, payload: object): Promise<void>;
  /** Upload a chart to `where`; false when it could not be drawn or uploaded (the failure is logged). */
  uploadChart(client: webApi.WebClient, data: ChartData, where: Place): Promise<boolean>;
  /** The answer, with its chart uploaded first when it asked for one (else the chart in words). */
  withChart(reply: Reply, client: webApi.WebClient, where: Place): Promise<SlackAnswer>;
  /** Log a failed platform call: its name and a one-line reason, never the payload. */
  failed(what: string, err: unknown): void;
}

/** The Web API client's fetch option (a test's), or global fetch. */
export type PostFn = NonNullable<webApi.WebClientOptions['fetch']> | typeof globalThis.fetch;

export function createOutbound(opts: { fetch: PostFn; log: Logger; drawChart?: DrawChart }): Outbound {
  const { log } = opts;
  const queue = pLimit(OUTBOUND.concurrency);
  const failed = (what: string, err: unknown) =>
    log.warn({ call: what, err: describeError(err) }, 'slack call failed');

  /**
   * Like Bolt's respond(), but with a timeout, a host check and a bound on how many run at once. Unbounded,
   * a burst of button clicks while Slack is slow opened one connection (and one DNS lookup in libuv's
   * thread pool) per click, and the process could not exit until every queued lookup had run: 8.4 s after
   * SIGTERM in the soak, against a 5 s deadline.
   */
  async function respondTo(url: string | undefined, payload: object): Promise<void> {
    if (!url || !RESPONSE_URL.test(url)) throw new Error('no usable response_url');
    if (queue.pendingCount >= OUTBOUND.maxQueued) throw new Error('too many answers waiting to be posted');
    return queue(async () => {
      const res = await opts.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
      });
      await res.text().catch(() => '');
      if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
    });
  }

  /** Not in the channel, no files:write, a chart that cannot be drawn: false, and the answer says so. */
  async function uploadChart(client: webApi.WebClient, data: ChartData, where: Place): Promise<boolean> {
    if (!where.channel) return false;
    const png = await chartPng(data, {
      maxBytes: SLACK_LIMITS.fileBytes,
      theme: 'light',
      log,
      ...(opts.drawChart ? { draw: opts.drawChart } : {}),
    });
    if (!png) return false;
    try {
      const file = { file: png, filename: CHART_FILE, title: data.title };
      await client.files.uploadV2(
        where.threadTs
          ? { ...file, channel_id: where.channel, thread_ts: where.threadTs }
          : { ...file, channel_id: where.channel },
      );
      return true;
    } catch (err) {
      failed('files.uploadV2', err);
      return false;
    }
  }

  async function withChart(reply: Reply, client: webApi.WebClient, where: Place): Promise<SlackAnswer> {
    if (reply.kind !== 'estimate' || !reply.chart) return toResponse(reply);
    const uploaded = await uploadChart(client, reply.chart, where);
    return toResponse(reply, renderReply(reply, { chart: uploaded }));
  }

  return { respondTo, uploadChart, withChart, failed };
}
