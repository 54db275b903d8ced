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
import type { ModelSpec } from '../src/catalog/types.ts';
import { MODES } from '../src/request.ts';
import type { Command, CommandInput, Reply } from './types.ts';

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
    const { request, model } = toRequest(draft, resolved);
    return {
      kind: 'estimate',
      report: buildReport(request, model),
      query: draftToText(draft),
      ephemeral: request.visibility === 'private',
    };
  } catch (err) {
    if (err instanceof QueryError)
      return { kind: 'error', message: err.message, example: `/vram ${EXAMPLE}`, ephemeral: true };
    throw err;
  }
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
