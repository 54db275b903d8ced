// /vram <query>: the estimate. Typed options (Discord) and the words of the query meet in one Draft.
import {
  draftToText,
  mergeDrafts,
  parseDraft,
  QueryError,
  toRequest,
  EXAMPLE,
  type Draft,
} from '../src/query/parse.ts';
import { buildReport } from '../src/report.ts';
import { chartData } from '../src/chart-data.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import { MODES } from '../src/request.ts';
import type { Command, CommandInput, Reply } from './types.ts';
import { resolveHardware } from '../src/catalog/hardware.ts';
import { runnableOn, type RunnableEntry } from '../src/whatfits.ts';
import { gib, tokens } from '../src/units.ts';
import type { Mode } from '../src/request.ts';

export const FORMAT_CHOICES = [
  'bf16',
  'fp16',
  'fp8',
  'int8',
  'int4',
  'nf4',
  'awq',
  'gptq',
  'q8_0',
  'q6_k',
  'q5_k_m',
  'q4_k_m',
  'q3_k_m',
  'q2_k',
] as const;

export const vram: Command = {
  name: 'vram',
  description: 'How much GPU memory a model needs, and which GPUs it fits on',
  usage: '/vram <model> [format] [ctx=8k] [batch=N] [mode] [runtime=...] [gpu=...]',
  examples: [
    '13b int4 ctx=8192',
    'llama-3.1-70b q4_k_m ctx=32k',
    'mistral-7b qlora rank=16',
    'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
    'can i run llama 3.1 8b on my 4090 with 8k context?',
    'what can i run on a 3090',
    'qlora on a 4090 with unsloth',
  ],
  options: [
    {
      name: 'query',
      type: 'string',
      description: 'e.g. "llama-3.1-8b q4_k_m ctx=8k" (words in any order)',
      autocomplete: true,
    },
    { name: 'model', type: 'string', description: 'Model id, alias or size (7b)', autocomplete: true },
    { name: 'format', type: 'string', description: 'Weight format', choices: FORMAT_CHOICES },
    { name: 'context', type: 'integer', description: 'Context length in tokens', min: 1, max: 10_485_760 },
    { name: 'mode', type: 'string', description: 'Inference or fine-tuning', choices: MODES },
    {
      name: 'batch',
      type: 'integer',
      description: 'Concurrent sequences (or micro-batch)',
      min: 1,
      max: 4096,
    },
    { name: 'gpu', type: 'string', description: 'GPU to check, e.g. rtx-4090 or 2x3090', autocomplete: true },
    { name: 'private', type: 'boolean', description: 'Only you see the answer' },
  ],
  run(input: CommandInput): Reply {
    return runWith(input);
  },
};

/** The asker's words and typed options as one Draft (throws QueryError). */
export function draftOf(input: CommandInput): Draft {
  return mergeDrafts(parseDraft(input.text.trim()), optionsDraft(input.options ?? {}));
}

/** /vram with the query's Hugging Face model already read (handleAsync), or from the catalog alone. */
export function runWith(input: CommandInput, resolved?: ModelSpec): Reply {
  return replyFor(() => draftOf(input), resolved);
}

/**
 * The one path from words to an estimate reply, for the command and its buttons: a QueryError becomes
 * an error reply (ephemeral, with a valid example); anything else is a fault for the caller.
 */
export function replyFor(draftOf: () => Draft, resolved?: ModelSpec): Reply {
  try {
    const draft = draftOf();
    // Hardware and no model: what that hardware can run.
    if (draft.gpu !== undefined && draft.model === undefined && draft.hubModel === undefined)
      return runnableReply(draft);
    // With a model named, a use or family word only describes it ("mistral small 3.2 vision"); a list
    // length or a format floor means nothing for one model.
    if (draft.top || draft.floor)
      throw new QueryError(
        `"${draft.top ? 'top' : 'at least'}" narrows a "what can my GPU run" list: name hardware and no model (e.g. "top 10 for my 4090")`,
      );
    const { request, model, askedAs } = toRequest(draft, resolved);
    return {
      kind: 'estimate',
      report: buildReport(request, model, askedAs),
      query: draftToText(draft),
      ephemeral: request.visibility === 'private',
      ...(draft.chart ? { chart: chartData(request, model) } : {}),
    };
  } catch (err) {
    if (err instanceof QueryError) return queryErrorReply(err);
    throw err;
  }
}

/** A query the asker can fix: what was wrong, with a valid example, only to them. */
export function queryErrorReply(err: QueryError): Reply {
  return { kind: 'error', message: err.message, example: `/vram ${EXAMPLE}`, ephemeral: true };
}

/** Typed options -> the same Draft the words produce (each option is parsed as if typed as key=value). */
function optionsDraft(o: Record<string, string | number | boolean | undefined>): Draft {
  const words: string[] = [];
  if (typeof o.model === 'string' && o.model) words.push(`model=${o.model.replace(/\s+/g, '-')}`);
  if (typeof o.format === 'string' && o.format) words.push(`format=${o.format}`);
  if (typeof o.context === 'number') words.push(`ctx=${o.context}`);
  if (typeof o.mode === 'string' && o.mode) words.push(`mode=${o.mode}`);
  if (typeof o.batch === 'number') words.push(`batch=${o.batch}`);
  if (typeof o.gpu === 'string' && o.gpu) words.push(`gpu=${o.gpu.replace(/\s+/g, '-')}`);
  if (o.private === true) words.push('private');
  return parseDraft(words.join(' '));
}

const USE_ORDER = ['general', 'coding', 'reasoning', 'vision', 'small'] as const;

const MODE_LABELS: Record<Mode, string> = {
  inference: 'Inference',
  lora: 'LoRA',
  qlora: 'QLoRA',
  full: 'Full fine-tune',
};

/** "what can i run on a 3090", "qlora on a 4090", "best coding model for my m4 max 64gb". */
function runnableReply(d: Draft): Reply {
  const hw = resolveHardware(d.gpu!)!;
  // "fine-tune" alone asks about every way to fine-tune.
  const modes: Mode[] = d.trainWord ? ['lora', 'qlora', 'full'] : [d.mode ?? 'inference'];
  const training = modes[0] !== 'inference';
  const context = d.context ?? (training ? 2048 : 8192);
  // One list when the asker narrowed it (a use, a family, top N); else the best few of each use.
  const narrowed = d.use !== undefined || d.family !== undefined || d.top !== undefined;
  const perGroup = d.top ?? (narrowed ? 8 : modes.length > 1 ? 2 : 3);
  const answer = runnableOn(hw, {
    modes,
    context,
    gpuCount: d.gpuCount ?? null,
    runtime: d.runtime ?? null,
    floor: d.floor ?? null,
    use: d.use ?? null,
    family: d.family ?? null,
    top: narrowed ? perGroup : 1000,
  });
  const groups = answer.modes.flatMap((m) => {
    const head = MODE_LABELS[m.mode];
    if (m.entries.length === 0) {
      const s = m.smallest;
      return [
        {
          name: head,
          lines: [
            s
              ? `nothing in the catalog fits; the smallest, ${s.name} (${s.formatLabel}), needs ${gib(s.bytes)} (${gib(-s.headroomBytes)} short)`
              : 'no catalog model matches those words',
          ],
        },
      ];
    }
    if (narrowed)
      return [
        {
          name: `${head} (${m.entries.length} of ${m.fitting} that fit)`,
          lines: m.entries.map(runnableLine),
        },
      ];
    return USE_ORDER.flatMap((use) => {
      const inUse = m.entries.filter((e) => e.use === use);
      return inUse.length === 0
        ? []
        : [{ name: `${head} · ${use}`, lines: inUse.slice(0, perGroup).map(runnableLine) }];
    });
  });
  for (const m of answer.modes) m.entries = m.entries.slice(0, narrowed ? perGroup : 25);
  const sized =
    hw.kind === 'sizes' ? ` (the ${hw.options[0]!.memoryGiB} GB configuration; say a size for another)` : '';
  const what = [d.use, d.family].filter(Boolean).join(' ');
  return {
    kind: 'runnable',
    title: `What ${what ? `${what} models fit` : 'fits'}${training ? ' for fine-tuning' : ''} on ${answer.hardware}${sized}: ${gib(answer.usableBytes)} usable, ${tokens(context)} ${training ? 'seq' : 'context'}`,
    groups,
    note: `${answer.rule[0]!.toUpperCase()}${answer.rule.slice(1)}${training ? '; fine-tuning with TRL defaults, rank 16 on every linear layer' : `; in ${d.runtime ?? 'llama.cpp'}`}. Ask about one for its breakdown: /vram <model> on <gpu>.`,
    answer,
    ephemeral: d.visibility === 'private',
  };
}

/** "Qwen3 32B · 32.76B · Q4_K_M: 21.5 GiB, 2.53 GiB free, <= 47 tok/s (qwen3-32b)" */
function runnableLine(e: RunnableEntry): string {
  const size = e.activeB !== null ? `${e.paramsB}B, ${e.activeB}B active` : `${e.paramsB}B`;
  const speed = e.tokensPerSecond !== null ? `, <= ${Math.round(e.tokensPerSecond)} tok/s` : '';
  const fmt = e.formatLabel.replace(/^GGUF /, '');
  return `${e.name} · ${size} · ${fmt}: ${gib(e.bytes)}, ${gib(e.headroomBytes)} free${speed} (${e.model})`;
}
