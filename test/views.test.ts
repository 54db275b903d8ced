// The compact answer, Details and the Chart on every platform (issue 13): the same rows everywhere, the
// relevant cards only, Details for the clicker alone, the chart drawn and uploaded (Discord: the webhook's
// multipart edit; Slack: files.uploadV2, recorded with nock), and the chart in words when it cannot be.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '../adapters/cli.ts';
import { renderBrief } from '../adapters/console/render.ts';
import { createInteractionHandler, type InteractionIn, type WebhookFile } from '../adapters/discord/core.ts';
import { LIMITS } from '../adapters/discord/limits.ts';
import { CHART_FILE, renderReply as renderDiscord, type DiscordMessage } from '../adapters/discord/render.ts';
import { fetchWebhook } from '../adapters/discord/webhook.ts';
import { chartPng, type DrawChart } from '../adapters/shared/attach.ts';
import { ChartUnavailableError, renderChartPng } from '../adapters/shared/chart.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { COMMAND, createSlackApp } from '../adapters/slack/app.ts';
import { renderReply as renderSlack } from '../adapters/slack/render.ts';
import { handle, runVariant } from '../commands/index.ts';
import { gib } from '../src/units.ts';
import { slackClick } from './slack-helpers.ts';
import { GPUS } from '../src/catalog/gpus.ts';
import { reportView } from '../src/view.ts';
import { estimateReply } from './helpers.ts';

const quiet = createLogger({}, 'silent');

/** A PNG's size from its IHDR chunk (bytes 16-23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A tiny valid PNG header: enough for the adapters, which never decode it. */
const FAKE_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 3, 0xe8, 0, 0, 2, 0x30, 8, 6, 0, 0, 0]),
]);
const drawFake = async () => FAKE_PNG;
const drawBroken = async () => {
  throw new ChartUnavailableError('font missing');
};

describe('the same rows on every platform', () => {
  it.each([
    '13b int4 ctx=8192',
    'can i run llama 3.1 70b on 2x 3090',
    'qwen3 32b on my 4090',
    'mistral-7b qlora rank=16',
    'llama 3.1 405b',
    'gemma 3 27b on a macbook m4 max 36gb',
  ])('%s: Discord, Slack and the terminal name the cards the view chose, in its order', (q) => {
    const reply = estimateReply(q);
    const v = reportView(reply.report);
    const names = v.cards.map((c) => c.fit.name);
    expect(names.length).toBeGreaterThan(0);
    const discord = renderDiscord(reply).embeds[0]!.fields!.find((f) => f.name.startsWith('GPUs'))!;
    expect(discord.value.split('\n').map((l) => /\*\*(.+?)\*\*/.exec(l)![1])).toEqual(names);
    const slack = renderSlack(reply).blocks.find((b) => JSON.stringify(b).includes('*GPUs'))!;
    const slackText = (slack as { text: { text: string } }).text.text;
    expect(
      slackText
        .split('\n')
        .slice(1)
        .map((l) => /\*(.+?)\*/.exec(l)![1]),
    ).toEqual(names);
    const terminal = renderBrief(v)
      .split('GPUs')[1]!
      .split('\n')
      .slice(1, 1 + names.length);
    terminal.forEach((line, i) => expect(line.trim().startsWith(names[i]!)).toBe(true));
    // The answer's figures and every component's size, on both chat platforms.
    const discordText = JSON.stringify(renderDiscord(reply));
    const slackAll = JSON.stringify(renderSlack(reply));
    for (const figure of [
      ...(v.answer.match(/\d+(\.\d+)? GiB/g) ?? []),
      ...v.components.map((c) => gib(c.bytes)),
    ]) {
      expect(discordText, figure).toContain(figure);
      expect(slackAll, figure).toContain(figure);
    }
    // The total is said once on every platform.
    const total = /\d+(\.\d+)? GiB/.exec(v.answer.replace(/^.*needs about /i, ''))![0];
    expect(renderBrief(v).split(total).length - 1).toBe(1);
  });

  it('names only cards people own or rent (or the asked one), that run the runtime, one per memory size', () => {
    const common = new Set(GPUS.filter((g) => g.common).map((g) => g.id));
    const apple = new Set(GPUS.filter((g) => g.vendor === 'Apple').map((g) => g.id));
    for (const q of [
      'llama-3.1-70b nf4',
      '13b int4 ctx=8192',
      'llama 3.1 405b',
      'mixtral-8x7b awq runtime=vllm',
    ]) {
      const v = reportView(estimateReply(q).report);
      for (const c of v.cards) expect(c.asked || common.has(c.fit.gpu)).toBe(true);
      // bitsandbytes, AWQ in vLLM: nothing Apple.
      if (/nf4|int4|awq/.test(q)) for (const c of v.cards) expect(apple.has(c.fit.gpu)).toBe(false);
      const sizes = v.cards.filter((c) => !c.asked).map((c) => c.fit.usableBytes);
      expect(new Set(sizes).size).toBe(sizes.length);
    }
    const asked = reportView(estimateReply('qwen3 32b q4_k_m on my 4090').report);
    expect(asked.cards[0]).toMatchObject({ asked: true, fit: { gpu: 'rtx-4090' } });
    expect(asked.tone).toBe('fits');
    expect(asked.answer).toMatch(/^Fits on GeForce RTX 4090 with/);
    expect(asked.suggestion).toBeNull();
  });
});

// ---------------------------------------------------------------- Discord

function clickOn(payload: string): InteractionIn {
  return {
    type: 3,
    id: '9',
    application_id: '111',
    token: 'tok',
    user: { id: 'u' },
    data: { custom_id: payload, component_type: 2 },
  };
}

/** A webhook that records what it was asked to do. */
function recordingWebhook() {
  const edits: { message: DiscordMessage; files: WebhookFile[] | undefined }[] = [];
  return {
    edits,
    webhook: {
      editOriginal: async (_a: string, _t: string, message: DiscordMessage, files?: WebhookFile[]) =>
        void edits.push({ message, files }),
      deleteOriginal: async () => undefined,
      followUp: async () => undefined,
    },
  };
}

describe('Discord: Details and Chart', () => {
  it('Details is a new message for the clicker alone, with the formulas and assumptions; nothing is updated', () => {
    const handler = createInteractionHandler({ log: quiet });
    const res = handler(clickOn('v1:details:13b int4 ctx=8192'));
    expect(res.type).toBe(4);
    const data = (res as unknown as { data: DiscordMessage }).data;
    expect(data.flags).toBe(64);
    expect(data.embeds[0]!.fields!.some((f) => f.name.startsWith('📋 Assumptions'))).toBe(true);
    expect(data.components).toEqual([]);
  });

  it('Chart: an ephemeral deferral, then the answer edited in with the PNG attached and shown in the embed', async () => {
    const { edits, webhook } = recordingWebhook();
    const handler = createInteractionHandler({ log: quiet, webhook, drawChart: drawFake });
    expect(handler(clickOn('v1:chart:13b int4 ctx=8192'))).toEqual({ type: 5, data: { flags: 64 } });
    await handler.drain!(10_000);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.files).toEqual([{ name: CHART_FILE, data: FAKE_PNG, contentType: 'image/png' }]);
    expect(edits[0]!.message.embeds[0]!.image).toEqual({ url: `attachment://${CHART_FILE}` });
  });

  it('the query word: the public answer is deferred and comes back with its chart', async () => {
    const { edits, webhook } = recordingWebhook();
    const handler = createInteractionHandler({ log: quiet, webhook, drawChart: drawFake });
    const res = handler({
      type: 2,
      id: '1',
      application_id: '111',
      token: 'tok',
      user: { id: 'u' },
      data: { name: 'vram', options: [{ name: 'query', type: 3, value: 'llama 3.1 8b on a 4090 chart' }] },
    });
    expect(res).toEqual({ type: 5 });
    await handler.drain!(10_000);
    expect(edits[0]!.files?.[0]?.name).toBe(CHART_FILE);
  });

  it('a chart that cannot be drawn: a short apology and the chart in words, never a crash', async () => {
    const { edits, webhook } = recordingWebhook();
    const handler = createInteractionHandler({ log: quiet, webhook, drawChart: drawBroken });
    handler(clickOn('v1:chart:13b int4 ctx=8192'));
    await handler.drain!(10_000);
    expect(edits[0]!.files).toBeUndefined();
    const embed = edits[0]!.message.embeds[0]!;
    expect(embed.image).toBeUndefined();
    const field = embed.fields!.find((f) => f.name.startsWith('📈'))!;
    expect(field.value).toMatch(/Memory by context/);
  });

  it('a chart for a query that fails gets the same short error as the query', () => {
    const plain = handle({ text: 'lamma-3-8b q4' });
    const charted = handle({ text: 'lamma-3-8b q4 chart' });
    expect(charted).toEqual(plain);
    expect(runVariant('v1:chart:lamma-3-8b q4')).toEqual(plain);
  });

  it('the real renderer over the webhook: a 1000x560 PNG in the multipart edit, named in payload_json', async () => {
    const seen: { url: string; body: FormData }[] = [];
    const fetchFn = (async (url: string, init: { body: FormData }) => {
      seen.push({ url, body: init.body });
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const handler = createInteractionHandler({ log: quiet, webhook: fetchWebhook({ fetch: fetchFn }) });
    handler(clickOn('v1:chart:llama-3.1-70b q4_k_m ctx=32k on 2x3090'));
    await handler.drain!(60_000);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toMatch(/\/webhooks\/111\/tok\/messages\/@original$/);
    const payload = JSON.parse(String(seen[0]!.body.get('payload_json'))) as { attachments: unknown };
    expect(payload.attachments).toEqual([{ id: 0, filename: CHART_FILE }]);
    const file = seen[0]!.body.get('files[0]') as Blob;
    const png = Buffer.from(await file.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1000, height: 560 });
    expect(png.length).toBeLessThanOrEqual(LIMITS.attachmentBytes);
  }, 60_000);
});

describe("the platforms' file limits hold at their boundary", () => {
  it('a PNG of exactly the limit goes; one byte more is the text answer instead', async () => {
    const data = estimateReply('13b int4 chart').chart!;
    const at = Buffer.alloc(LIMITS.attachmentBytes);
    const over = Buffer.alloc(LIMITS.attachmentBytes + 1);
    const how = { maxBytes: LIMITS.attachmentBytes, theme: 'dark' as const, log: quiet };
    expect(await chartPng(data, { ...how, draw: async () => at })).toBe(at);
    expect(await chartPng(data, { ...how, draw: async () => over })).toBeNull();
    expect(await chartPng(data, { ...how, draw: drawBroken })).toBeNull();
  });
});

// ---------------------------------------------------------------- Slack

const ACTION_URL = 'https://hooks.slack.com/actions/T1/1/xyz';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T1/1/abc';

function slackApp(drawChart: DrawChart = drawFake) {
  return createSlackApp({
    receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
    botToken: 'xoxb-test-token',
    log: quiet,
    clientOptions: { retryConfig: { retries: 0 } },
    drawChart,
  });
}

function clickIn(payload: string): Record<string, unknown> {
  return slackClick(payload, { responseUrl: ACTION_URL });
}

/** files.uploadV2's three calls, recorded. */
function fakeSlackFiles(fail?: string) {
  const calls: { step: string; body: unknown }[] = [];
  nock('https://slack.com')
    .post('/api/files.getUploadURLExternal', (b: unknown) => {
      calls.push({ step: 'url', body: b });
      return true;
    })
    .reply(
      200,
      fail
        ? { ok: false, error: fail }
        : { ok: true, upload_url: 'https://files.slack.com/upload/v1/x', file_id: 'F1' },
    );
  if (!fail) {
    nock('https://files.slack.com')
      .post('/upload/v1/x', (b: unknown) => {
        calls.push({ step: 'upload', body: b });
        return true;
      })
      .reply(200, 'OK');
    nock('https://slack.com')
      .post('/api/files.completeUploadExternal', (b: unknown) => {
        calls.push({ step: 'complete', body: b });
        return true;
      })
      .reply(200, { ok: true, files: [{ id: 'F1' }] });
  }
  return calls;
}

function responseUrl(url: string) {
  const posted: Record<string, unknown>[] = [];
  const u = new URL(url);
  nock(u.origin)
    .post(u.pathname, (b: Record<string, unknown>) => {
      posted.push(b);
      return true;
    })
    .reply(200, 'ok');
  return posted;
}

describe('Slack: Details and Chart', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('Details goes to the clicker only, without replacing the answer', async () => {
    const posted = responseUrl(ACTION_URL);
    const app = slackApp();
    await app.processEvent({ body: clickIn('v1:details:13b int4 ctx=8192'), ack: async () => undefined });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(posted[0]!.blocks)).toContain('Assumptions');
  });

  it("Chart: the real PNG uploaded into the answer's thread with files.uploadV2", async () => {
    const calls = fakeSlackFiles();
    const app = slackApp(renderChartPng);
    await app.processEvent({ body: clickIn('v1:chart:13b int4 ctx=8192'), ack: async () => undefined });
    expect(calls.map((c) => c.step)).toEqual(['url', 'upload', 'complete']);
    expect(calls[2]!.body).toMatchObject({ channel_id: 'C1', thread_ts: '1700000000.000100' });
    const uploaded = calls[1]!.body;
    const bytes = Buffer.from(
      typeof uploaded === 'string' ? Buffer.from(uploaded, 'hex') : (uploaded as Buffer),
    );
    const at = bytes.indexOf(Buffer.from('PNG'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(pngSize(bytes.subarray(at - 1))).toEqual({ width: 1000, height: 560 });
  }, 60_000);

  it('an upload Slack refuses (not in the channel): the clicker gets the chart in words', async () => {
    fakeSlackFiles('not_in_channel');
    const posted = responseUrl(ACTION_URL);
    const app = slackApp();
    await app.processEvent({ body: clickIn('v1:chart:13b int4 ctx=8192'), ack: async () => undefined });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(posted[0]!.blocks)).toMatch(/Memory by context/);
  });

  it('/vram ... chart: a quick private note, then the answer through response_url and the chart in the channel', async () => {
    const calls = fakeSlackFiles();
    const posted = responseUrl(RESPONSE_URL);
    const app = slackApp();
    const acks: unknown[] = [];
    await app.processEvent({
      body: {
        command: COMMAND,
        text: '13b int4 chart',
        user_id: 'U1',
        team_id: 'T1',
        channel_id: 'C1',
        response_url: RESPONSE_URL,
        trigger_id: 't',
      },
      ack: async (r?: unknown) => void acks.push(r),
    });
    expect(JSON.stringify(acks[0])).toContain('Drawing the chart');
    expect(calls.map((c) => c.step)).toEqual(['url', 'upload', 'complete']);
    expect(posted[0]).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(posted[0]!.blocks)).not.toMatch(/Memory by context/);
  });
});

// ---------------------------------------------------------------- CLI

describe('CLI --chart', () => {
  const deps = { hub: { resolve: async () => Promise.reject(new Error('no hub in tests')) } };

  it('writes the PNG and says so; a chart that cannot be drawn leaves the answer and the chart in words', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'vram-')), 'c.png');
    const ok = await runCliAsync(['--brief', '13b int4', '--chart', file], deps, drawFake);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`chart: wrote ${file}`);
    expect(readFileSync(file)).toEqual(FAKE_PNG);
    const broken = await runCliAsync(['13b int4', `--chart=${file}`], deps, drawBroken);
    expect(broken.code).toBe(0);
    expect(broken.stderr).toMatch(/chart: could not be drawn \(font missing\)/);
    expect(broken.stdout).toMatch(/Memory by context/);
    expect((await runCliAsync(['13b', '--chart'], deps)).code).toBe(2);
  });
});
