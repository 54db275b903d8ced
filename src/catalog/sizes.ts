// A bare size ("7b", "13B", "1.5b", "500m") maps to a stated Llama-style architecture.
// Sizes that Meta shipped map to that exact shape (7b and 13b are Llama 2, the shape most "7B" models
// of that era share, e.g. open_llama_7b_v2); other sizes keep the nearest Llama shape and scale its layer count.
import { paramBreakdown } from './params.ts';
import { MODELS } from './models.ts';
import type { ModelSpec } from './types.ts';

/** Exact Llama releases a size word stands for. */
const ANCHORS: ReadonlyArray<[billions: number, id: string]> = [
  [1, 'llama-3.2-1b'],
  [3, 'llama-3.2-3b'],
  [7, 'llama-2-7b'],
  [8, 'llama-3.1-8b'],
  [13, 'llama-2-13b'],
  [34, 'codellama-34b'],
  [70, 'llama-3.1-70b'],
  [405, 'llama-3.1-405b'],
];

const byId = new Map(MODELS.map((m) => [m.id, m]));
const cache = new Map<number, ModelSpec>();

export function sizeModelId(billions: number): string {
  return `size:${billions}`;
}

/** Parse "7b", "1.5B", "500m" into billions; undefined if the word is not a size. */
export function parseSize(word: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bm])$/i.exec(word);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2]!.toLowerCase() === 'm' ? n / 1000 : n;
}

export function modelForSize(billions: number): ModelSpec {
  const hit = cache.get(billions);
  if (hit) return hit;
  const spec = build(billions);
  if (cache.size < 1000) cache.set(billions, spec);
  return spec;
}

function build(billions: number): ModelSpec {
  // Nearest anchor on a log scale.
  let best = ANCHORS[0]!;
  for (const a of ANCHORS) {
    if (Math.abs(Math.log(a[0] / billions)) < Math.abs(Math.log(best[0] / billions))) best = a;
  }
  const anchor = byId.get(best[1]);
  if (!anchor) throw new Error(`size anchor ${best[1]} missing from the catalog`);
  const label = billions >= 1 ? `${trim(billions)}B` : `${trim(billions * 1000)}M`;
  const exact = Math.abs(best[0] - billions) / billions < 0.02;
  let layers = anchor.layers;
  if (!exact) {
    const pb = paramBreakdown(anchor);
    const perLayer = (pb.total - pb.embedding - pb.lmHead) / anchor.layers;
    layers = Math.max(1, Math.round((billions * 1e9 - pb.embedding - pb.lmHead) / perLayer));
  }
  return {
    ...anchor,
    id: sizeModelId(billions),
    name: `${label} (Llama-style)`,
    aliases: [],
    layers,
    paramsOverride: undefined,
    source: exact
      ? `${anchor.name} shape (${anchor.source})`
      : `${anchor.name} shape with ${layers} layers instead of ${anchor.layers}`,
    notes: exact
      ? `A bare ${label} is read as ${anchor.name}: ${anchor.layers} layers, hidden ${anchor.hidden}, ${anchor.heads} heads, ${anchor.kvHeads} KV heads, vocab ${anchor.vocab}.`
      : `A bare ${label} is read as a Llama-style model shaped like ${anchor.name} (hidden ${anchor.hidden}, ${anchor.heads} heads, ${anchor.kvHeads} KV heads, vocab ${anchor.vocab}) with ${layers} layers.`,
  };
}

function trim(n: number): string {
  return Number(n.toFixed(2)).toString();
}
