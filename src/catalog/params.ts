// Parameter counts derived from a ModelSpec's architecture (config.json shape), split by component so the
// estimator can price each part differently (e.g. 4-bit linear weights but 16-bit embeddings).
import type { ModelSpec } from './types.ts';

export interface ParamBreakdown {
  /** vocab * hidden (input token embeddings). */
  embedding: number;
  /** vocab * hidden if untied, else 0. */
  lmHead: number;
  /** All layers: q, k, v, o projections (+ qkv bias), or the MLA projections. */
  attention: number;
  /** Dense MLP layers (gated: 3*h*I per layer; plain: 2*h*I), including MoE models' dense layers. */
  mlp: number;
  /** All routed experts of all MoE layers, plus routers (0 for dense). */
  experts: number;
  /** Shared experts (DeepSeek, Llama 4) (0 if none). */
  sharedExperts: number;
  /** RMSNorm/LayerNorm weights: 2*h per layer + final h (+ MLA's latent norms). */
  norms: number;
  /** Sum of the above (or paramsOverride when set). */
  total: number;
  /** Params used per token: total minus the routed experts that are not selected (MoE); == total for dense. */
  active: number;
  /** Parameters stored as quantizable linear weights (attention + mlp + experts + sharedExperts): the part a 4-bit format compresses. */
  linear: number;
}

function attentionPerLayer(m: ModelSpec): { weights: number; norms: number } {
  const h = m.hidden;
  if (m.mla) {
    const { kvLoraRank, qLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim } = m.mla;
    const nq = m.heads;
    const weights =
      h * qLoraRank + // q_a_proj (down)
      qLoraRank * nq * (qkNopeHeadDim + qkRopeHeadDim) + // q_b_proj (up)
      h * (kvLoraRank + qkRopeHeadDim) + // kv_a_proj_with_mqa (latent + shared RoPE key)
      kvLoraRank * nq * (qkNopeHeadDim + vHeadDim) + // kv_b_proj (up to per-head k_nope and v)
      nq * vHeadDim * h; // o_proj
    // q_a_layernorm and kv_a_layernorm sit on the latents.
    return { weights, norms: qLoraRank + kvLoraRank };
  }
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  let weights = h * q + 2 * h * kv + q * h;
  if (m.qkvBias) weights += q + 2 * kv;
  return { weights, norms: 0 };
}

function compute(m: ModelSpec): ParamBreakdown {
  const h = m.hidden;
  const L = m.layers;
  const embedding = m.vocab * h;
  const lmHead = m.tiedEmbeddings ? 0 : m.vocab * h;

  const attn = attentionPerLayer(m);
  const attention = L * attn.weights;
  const mlpMatrices = m.mlp === 'gated' ? 3 : 2;

  const moe = m.moe;
  const moeLayers = moe ? L - moe.denseLayers : 0;
  const denseLayers = L - moeLayers;
  let mlp = denseLayers * mlpMatrices * h * m.intermediate;

  let routedWeights = 0; // expert matrices only, without routers (for the active count)
  let routers = 0;
  let sharedExperts = 0;
  if (moe) {
    routedWeights = moeLayers * moe.experts * mlpMatrices * h * moe.expertIntermediate;
    routers = moeLayers * h * moe.experts;
    const sharedI = moe.sharedIntermediate ?? moe.expertIntermediate;
    sharedExperts = moeLayers * moe.sharedExperts * mlpMatrices * h * sharedI;
  }
  let experts = routedWeights + routers;

  // Per-layer norms vary by family (Gemma has 4, Qwen3/Gemma 3 add q/k norms); 2*h is within 0.01% of total.
  const norms = L * (2 * h + attn.norms) + h;

  const computedTotal = embedding + lmHead + attention + mlp + experts + sharedExperts + norms;
  const unselected = moe ? routedWeights * (1 - moe.active / moe.experts) : 0;
  const computedActive = computedTotal - unselected;

  let total = computedTotal;
  if (m.paramsOverride !== undefined) {
    // The formula misses parts (MTP layer, vision tower, biases, sinks): the published total wins, and the
    // difference is booked on the biggest linear block so the parts still add up to `total`.
    const diff = m.paramsOverride - computedTotal;
    if (moe) experts += diff;
    else mlp += diff;
    total = m.paramsOverride;
  }
  let active: number;
  if (!moe) active = total;
  else if (m.activeParamsOverride !== undefined) active = m.activeParamsOverride;
  else active = Math.min(total, computedActive);

  return {
    embedding,
    lmHead,
    attention,
    mlp,
    experts,
    sharedExperts,
    norms,
    total,
    active,
    linear: attention + mlp + experts + sharedExperts,
  };
}

// Called on the estimator's hot path; the spec objects are static catalog data, so cache by id. The stored
// spec guards against a different object reusing an id (e.g. a test variant).
const cache = new Map<string, { spec: ModelSpec; result: ParamBreakdown }>();

export function paramBreakdown(m: ModelSpec): ParamBreakdown {
  const hit = cache.get(m.id);
  if (hit && hit.spec === m) return hit.result;
  const result = Object.freeze(compute(m));
  // Hub lookups add ids at run time: keep the cache bounded.
  if (cache.size >= 5000) cache.clear();
  cache.set(m.id, { spec: m, result });
  return result;
}
