// Writes a GGUF v3 header to the published format (ggml docs/gguf.md), so tests can serve a real header
// without shipping a model: magic "GGUF", uint32 version 3, uint64 tensor count, uint64 metadata count,
// typed key/value pairs (gguf_string = uint64 length + UTF-8 bytes), tensor infos (name, uint32 n_dims,
// uint64 dims with ne0 first, uint32 ggml type, uint64 offset into the data section, aligned), then
// padding to `general.alignment` (32 by default). Little-endian throughout. Tensor data is not written:
// readers of the header never look at it, and the served file can claim its full size in Content-Range.

export type GgufValue =
  | { type: 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'u64' | 'i64' | 'f64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; of: 'string'; value: string[] }
  | { type: 'array'; of: 'i32' | 'u32' | 'f32'; value: number[] };

export interface GgufTensorSpec {
  name: string;
  /** ggml order: ne0 (the row) first. */
  shape: number[];
  /** ggml type id. */
  type: number;
}

/** GGUF value type ids (gguf.md "gguf_metadata_value_type"). */
const VT = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
} as const;

class Writer {
  private chunks: Buffer[] = [];
  size = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  u64(n: number | bigint): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  scalar(type: keyof typeof VT, v: number | boolean): void {
    const b = Buffer.alloc(8);
    let n = 0;
    switch (type) {
      case 'u8':
        n = b.writeUInt8(v as number);
        break;
      case 'i8':
        n = b.writeInt8(v as number);
        break;
      case 'u16':
        n = b.writeUInt16LE(v as number);
        break;
      case 'i16':
        n = b.writeInt16LE(v as number);
        break;
      case 'u32':
        n = b.writeUInt32LE(v as number);
        break;
      case 'i32':
        n = b.writeInt32LE(v as number);
        break;
      case 'f32':
        n = b.writeFloatLE(v as number);
        break;
      case 'bool':
        n = b.writeUInt8(v ? 1 : 0);
        break;
      case 'u64':
        n = b.writeBigUInt64LE(BigInt(v as number));
        break;
      case 'i64':
        n = b.writeBigInt64LE(BigInt(v as number));
        break;
      case 'f64':
        n = b.writeDoubleLE(v as number);
        break;
      default:
        throw new Error(`not a scalar: ${type}`);
    }
    this.push(b.subarray(0, n));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** ggml type id -> [elements per block, bytes per block] for the types tests use. */
export const BLOCK: Record<number, [number, number]> = {
  0: [1, 4], // F32
  1: [1, 2], // F16
  8: [32, 34], // Q8_0
  12: [256, 144], // Q4_K
  14: [256, 210], // Q6_K
};

export function tensorSize(t: GgufTensorSpec): number {
  const [block, bytes] = BLOCK[t.type]!;
  return (t.shape.reduce((a, b) => a * b, 1) / block) * bytes;
}

/** The header bytes, and the size the whole file would have with its tensor data. */
export function writeGguf(
  metadata: Record<string, GgufValue>,
  tensors: GgufTensorSpec[],
  alignment = 32,
): { header: Buffer; fileSize: number } {
  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, v] of Object.entries(metadata)) {
    w.str(key);
    w.u32(VT[v.type]);
    if (v.type === 'string') w.str(v.value);
    else if (v.type === 'array') {
      w.u32(VT[v.of]);
      w.u64(v.value.length);
      for (const x of v.value) {
        if (v.of === 'string') w.str(x as string);
        else w.scalar(v.of, x as number);
      }
    } else w.scalar(v.type, v.value);
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.shape.length);
    for (const d of t.shape) w.u64(d);
    w.u32(t.type);
    w.u64(offset);
    offset += Math.ceil(tensorSize(t) / alignment) * alignment;
  }
  const pad = (alignment - (w.size % alignment)) % alignment;
  w.push(Buffer.alloc(pad));
  const header = w.bytes();
  return { header, fileSize: header.length + offset };
}

/** A Llama-style GGUF header (Q4_K linears, Q6_K attn_v / ffn_down / output, F32 norms). */
export function llamaGguf(o: {
  layers: number;
  hidden: number;
  ff: number;
  heads: number;
  kvHeads: number;
  vocab: number;
  context: number;
  tokenizer?: boolean;
  fileType?: number;
  arch?: string;
}): { header: Buffer; fileSize: number; tensors: GgufTensorSpec[]; metadata: Record<string, GgufValue> } {
  const arch = o.arch ?? 'llama';
  const hd = o.hidden / o.heads;
  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: arch },
    'general.name': { type: 'string', value: 'test model' },
    'general.file_type': { type: 'u32', value: o.fileType ?? 15 },
    [`${arch}.block_count`]: { type: 'u32', value: o.layers },
    [`${arch}.context_length`]: { type: 'u32', value: o.context },
    [`${arch}.embedding_length`]: { type: 'u32', value: o.hidden },
    [`${arch}.feed_forward_length`]: { type: 'u32', value: o.ff },
    [`${arch}.attention.head_count`]: { type: 'u32', value: o.heads },
    [`${arch}.attention.head_count_kv`]: { type: 'u32', value: o.kvHeads },
    [`${arch}.rope.freq_base`]: { type: 'f32', value: 500000 },
    [`${arch}.attention.layer_norm_rms_epsilon`]: { type: 'f32', value: 1e-5 },
    'general.quantization_version': { type: 'u32', value: 2 },
  };
  if (o.tokenizer !== false) {
    metadata['tokenizer.ggml.model'] = { type: 'string', value: 'gpt2' };
    metadata['tokenizer.ggml.tokens'] = {
      type: 'array',
      of: 'string',
      value: Array.from({ length: o.vocab }, (_, i) => `<t${i}>`),
    };
    metadata['tokenizer.ggml.token_type'] = {
      type: 'array',
      of: 'i32',
      value: Array.from({ length: o.vocab }, () => 1),
    };
  }
  const Q4K = 12;
  const Q6K = 14;
  const F32 = 0;
  const tensors: GgufTensorSpec[] = [
    { name: 'token_embd.weight', shape: [o.hidden, o.vocab], type: Q4K },
    { name: 'output_norm.weight', shape: [o.hidden], type: F32 },
    { name: 'output.weight', shape: [o.hidden, o.vocab], type: Q6K },
  ];
  for (let i = 0; i < o.layers; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, shape: [o.hidden], type: F32 },
      { name: `blk.${i}.attn_q.weight`, shape: [o.hidden, o.heads * hd], type: Q4K },
      { name: `blk.${i}.attn_k.weight`, shape: [o.hidden, o.kvHeads * hd], type: Q4K },
      { name: `blk.${i}.attn_v.weight`, shape: [o.hidden, o.kvHeads * hd], type: Q6K },
      { name: `blk.${i}.attn_output.weight`, shape: [o.heads * hd, o.hidden], type: Q4K },
      { name: `blk.${i}.ffn_norm.weight`, shape: [o.hidden], type: F32 },
      { name: `blk.${i}.ffn_gate.weight`, shape: [o.hidden, o.ff], type: Q4K },
      { name: `blk.${i}.ffn_up.weight`, shape: [o.hidden, o.ff], type: Q4K },
      { name: `blk.${i}.ffn_down.weight`, shape: [o.ff, o.hidden], type: Q6K },
    );
  }
  return { ...writeGguf(metadata, tensors), tensors, metadata };
}
