// Autocomplete for the query being typed: complete the last word (model names, formats, ctx= values,
// GPU names, keys), keeping the words before it. Pure and fast: it runs on every keystroke.
import { FORMAT_WORDS } from '../src/catalog/formats.ts';
import { GPUS } from '../src/catalog/gpus.ts';
import { MODELS } from '../src/catalog/models.ts';
import { nearest } from '../src/query/suggest.ts';
import { FORMAT_CHOICES } from './vram.ts';

export const MAX_CHOICES = 25;

const CONTEXTS = ['ctx=2k', 'ctx=4k', 'ctx=8k', 'ctx=16k', 'ctx=32k', 'ctx=64k', 'ctx=128k'];
const KEYS = [
  'ctx=',
  'batch=',
  'kv=q8_0',
  'kv=fp8',
  'runtime=vllm',
  'runtime=llama.cpp',
  'runtime=ollama',
  'runtime=transformers',
  'runtime=exllamav2',
  'runtime=mlx',
  'rank=16',
  'targets=all',
  'targets=qv',
  'optimizer=adamw8bit',
  'gc=on',
  'fa=on',
  'gpu=',
  'gpus=2',
  'lora',
  'qlora',
  'full',
  'private',
];
const FORMATS = [...FORMAT_CHOICES, 'q4_0', 'iq4_xs', 'mxfp4', 'exl2=4.5'];
const MODEL_IDS = MODELS.map((m) => m.id);
const GPU_WORDS = GPUS.map((g) => g.id);
const EVERYTHING = [
  ...new Set([
    ...MODEL_IDS,
    ...FORMATS,
    ...FORMAT_WORDS,
    ...CONTEXTS,
    ...KEYS,
    ...GPU_WORDS.map((g) => `gpu=${g}`),
  ]),
];

/** Full query strings (at most 25, each at most `maxLength`) that complete what was typed. */
export function complete(typed: string, maxLength = 100): string[] {
  const text = typed.replace(/^\s*\/?vram\b/i, '').trimStart();
  const endsWithSpace = /\s$/.test(text);
  const words = text.trim() ? text.trim().split(/\s+/) : [];
  const last = endsWithSpace ? '' : (words.pop() ?? '');
  const head = words.join(' ');
  const hasModel = words.some((w) => MODEL_IDS.includes(w.toLowerCase()) || /^\d+(\.\d+)?[bm]$/i.test(w));
  const lw = last.toLowerCase();
  let pool: string[];
  if (lw.startsWith('gpu=')) pool = GPU_WORDS.map((g) => `gpu=${g}`);
  else if (lw.startsWith('ctx=')) pool = CONTEXTS;
  else if (!lw) pool = hasModel ? [...FORMATS.slice(0, 12), ...CONTEXTS.slice(1, 5), ...KEYS] : MODEL_IDS;
  else pool = hasModel ? EVERYTHING : [...MODEL_IDS, ...EVERYTHING];
  let hits = lw ? pool.filter((p) => p.startsWith(lw)) : pool;
  if (lw && hits.length < MAX_CHOICES)
    hits = [...hits, ...pool.filter((p) => p.includes(lw) && !p.startsWith(lw))];
  if (lw && hits.length === 0) {
    const guess = nearest(lw, pool);
    if (guess) hits = [guess];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  // Nothing to complete: offer what was typed as is, if it fits a choice. A Hugging Face id (owner/name) is
  // kept first: the catalog's nearest name is a suggestion, not a correction.
  if (
    text.trim() &&
    !endsWithSpace &&
    (hits.length === 0 || last.includes('/')) &&
    text.trim().length <= maxLength
  ) {
    out.push(text.trim());
    seen.add(text.trim());
  }
  for (const h of hits) {
    const full = head ? `${head} ${h}` : h;
    if (full.length > maxLength || seen.has(full)) continue;
    seen.add(full);
    out.push(full);
    if (out.length >= MAX_CHOICES) break;
  }
  return out;
}

/** Model names for a picker (Slack external select, Discord `model` option). */
export function searchModels(typed: string, limit = MAX_CHOICES): { id: string; name: string }[] {
  const t = typed.trim().toLowerCase().replace(/\s+/g, '-');
  const score = (m: (typeof MODELS)[number]) => {
    const names = [m.id, m.name.toLowerCase(), ...m.aliases];
    if (!t) return 1;
    if (names.some((n) => n.startsWith(t))) return 3;
    if (names.some((n) => n.includes(t))) return 2;
    return 0;
  };
  return MODELS.map((m) => ({ m, s: score(m) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map(({ m }) => ({ id: m.id, name: m.name }));
}

/** GPU names for a picker. */
export function searchGpus(typed: string, limit = MAX_CHOICES): { id: string; name: string }[] {
  const t = typed.trim().toLowerCase().replace(/\s+/g, '-');
  return GPUS.filter(
    (g) =>
      !t ||
      g.id.includes(t) ||
      g.name.toLowerCase().replace(/\s+/g, '-').includes(t) ||
      g.aliases.some((a) => a.startsWith(t)),
  )
    .slice(0, limit)
    .map((g) => ({ id: g.id, name: `${g.name} (${g.memoryGiB} GB)` }));
}
