// Per-layer layouts (what each layer keeps per sequence) -> the KV groups and state groups of a ModelSpec.
// config.json (hf-config.ts) and GGUF headers (gguf.ts) describe layers in different words; both reduce
// them to a list of LayerKind and hand it here, so the grouping is written once.
import type { KvGroup, StateGroup, StateKind } from './types.ts';

/**
 * - `full`: attention over the whole context; `sliding`: attention over the last `window` tokens;
 * - `recurrent`: a linear-attention / Mamba / short-conv layer (a fixed state, no KV);
 * - `both`: attention and a Mamba mixer side by side (Falcon-H1);
 * - `none`: neither (Nemotron-H's MLP-only and MoE-only layers).
 */
export type LayerKind = 'full' | 'sliding' | 'recurrent' | 'both' | 'none';

export interface AttentionShape {
  kvHeads: number;
  headDim: number;
  /** Full-attention layers' shape when it differs (Gemma 4's global layers). */
  globalKvHeads?: number;
  globalHeadDim?: number;
  /** Tokens a sliding layer keeps. */
  window?: number;
  /** Per-layer KV head counts (GGUF arrays); 0 = no KV on that layer. */
  kvHeadsPerLayer?: readonly number[];
}

/** One recurrent layer's state, per sequence. */
export interface RecurrentShape {
  kind: StateKind;
  stateElements: number;
  convElements: number;
  ssmFp32?: boolean;
}

export interface Layout {
  kvGroups: KvGroup[];
  stateGroups: StateGroup[];
}

/**
 * Group the layers: KV-holding layers by (KV heads, head size, window), recurrent layers by their state.
 * The last `sharedKvLayers` layers reuse an earlier layer's KV (Gemma 3n, Gemma 4) and hold none.
 */
export function groupLayers(
  kinds: readonly LayerKind[],
  attn: AttentionShape,
  recurrent: RecurrentShape | undefined,
  sharedKvLayers = 0,
): Layout {
  const kv = new Map<string, KvGroup>();
  let recurrentLayers = 0;
  const ownKv = kinds.length - sharedKvLayers;
  kinds.forEach((kind, i) => {
    if (kind === 'recurrent' || kind === 'both') recurrentLayers++;
    if (kind === 'recurrent' || kind === 'none' || i >= ownKv) return;
    const sliding = kind === 'sliding' && attn.window !== undefined;
    let kvHeads = sliding ? attn.kvHeads : (attn.globalKvHeads ?? attn.kvHeads);
    const headDim = sliding ? attn.headDim : (attn.globalHeadDim ?? attn.headDim);
    if (attn.kvHeadsPerLayer) kvHeads = attn.kvHeadsPerLayer[i] ?? kvHeads;
    if (kvHeads === 0) return;
    const key = `${kvHeads}/${headDim}/${sliding ? attn.window : 0}`;
    const g = kv.get(key);
    if (g) g.layers++;
    else kv.set(key, { layers: 1, kvHeads, headDim, ...(sliding ? { window: attn.window } : {}) });
  });
  const stateGroups: StateGroup[] =
    recurrent && recurrentLayers > 0
      ? [
          {
            kind: recurrent.kind,
            layers: recurrentLayers,
            stateElements: recurrent.stateElements,
            convElements: recurrent.convElements,
            ...(recurrent.ssmFp32 ? { ssmFp32: true } : {}),
          },
        ]
      : [];
  return { kvGroups: [...kv.values()], stateGroups };
}

/** A layout worth recording: anything but every layer full attention with the model's one shape. */
export function isPlain(layout: Layout, layers: number, kvHeads: number, headDim: number): boolean {
  return (
    layout.stateGroups.length === 0 &&
    layout.kvGroups.length === 1 &&
    layout.kvGroups[0]!.layers === layers &&
    layout.kvGroups[0]!.window === undefined &&
    layout.kvGroups[0]!.kvHeads === kvHeads &&
    layout.kvGroups[0]!.headDim === headDim
  );
}

// ---------------------------------------------------------------- state shapes (per sequence, per layer)
// vLLM mamba_utils.py MambaStateShapeCalculator and llama.cpp llama-hparams.cpp n_embd_r / n_embd_s agree:

/** Gated DeltaNet (Qwen3-Next, Qwen3.5): state v_heads x k_dim x v_dim; conv over q, k, v = 2 nk dk + nv dv. */
export function gatedDeltaNet(
  nk: number,
  nv: number,
  dk: number,
  dv: number,
  kernel: number,
): RecurrentShape {
  return {
    kind: 'gated-deltanet',
    stateElements: nv * dk * dv,
    convElements: (2 * nk * dk + nv * dv) * (kernel - 1),
  };
}

/** Mamba-2: state heads x head_dim x d_state; conv over inner + 2 x groups x d_state channels. */
export function mamba2(
  heads: number,
  headDim: number,
  dState: number,
  groups: number,
  kernel: number,
  ssmFp32 = false,
): RecurrentShape {
  const inner = heads * headDim;
  return {
    kind: 'mamba2',
    stateElements: inner * dState,
    convElements: (inner + 2 * groups * dState) * (kernel - 1),
    ...(ssmFp32 ? { ssmFp32 } : {}),
  };
}

/** Mamba-1 (Jamba): state inner x d_state; conv over inner. */
export function mamba1(inner: number, dState: number, kernel: number): RecurrentShape {
  return { kind: 'mamba', stateElements: inner * dState, convElements: inner * (kernel - 1) };
}

/** Kimi Delta Attention: state heads x d x d; separate q, k, v short convolutions (3 x heads x d). */
export function kimiDelta(heads: number, headDim: number, kernel: number): RecurrentShape {
  return {
    kind: 'kimi-delta',
    stateElements: heads * headDim * headDim,
    convElements: 3 * heads * headDim * (kernel - 1),
  };
}

/** MiniMax lightning attention: heads x d x d, no convolution. */
export function lightning(heads: number, headDim: number): RecurrentShape {
  return { kind: 'lightning', stateElements: heads * headDim * headDim, convElements: 0 };
}

/** LFM2 short convolution: the last L_cache - 1 inputs of hidden channels, no recurrent state. */
export function shortConv(hidden: number, lCache: number): RecurrentShape {
  return { kind: 'short-conv', stateElements: 0, convElements: hidden * (lCache - 1) };
}
