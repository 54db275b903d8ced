// help: the query words with examples, derived from the command declarations.
import { FRAMEWORKS } from '../src/catalog/frameworks.ts';
import { KV_TYPES, RUNTIMES } from '../src/catalog/formats.ts';
import { OPTIMIZERS } from '../src/request.ts';
import type { Command, Reply } from './types.ts';
import { vram } from './vram.ts';

export const help: Command = {
  name: 'help',
  description: 'How to ask',
  usage: '/vram help',
  examples: ['help'],
  options: [],
  run(): Reply {
    return helpReply();
  },
};

export function helpReply(): Reply {
  return {
    kind: 'help',
    title: 'vram: will this model run on my GPU?',
    ephemeral: true,
    sections: [
      {
        title: 'Usage',
        lines: [vram.usage, 'Words in any order, any case. Also: /vram gpus, /vram models, /vram help.'],
      },
      { title: 'Examples', lines: vram.examples.map((e) => `/vram ${e}`) },
      {
        title: 'Words',
        lines: [
          'model: a catalog name (llama-3.1-8b, qwen3-next-80b-a3b, Qwen/Qwen2.5-7B-Instruct), an Ollama tag (qwen2.5:14b, gemma3:27b-it-qat), a GGUF file name, or a size (7b, 13B, 500m)',
          'format: fp32 fp16 bf16 fp8 int8 int4 nf4 gptq gptq-int8 awq mxfp4 nvfp4 int4wo, GGUF q2_k ... q8_0 iq4_xs, exl2=4.5, mlx4',
          'ctx=8192 or ctx=8k (context tokens), batch=N (concurrent sequences)',
          'mode: inference (default), lora, qlora, full',
          `kv=${KV_TYPES.join('|')} (KV cache type)   runtime=${RUNTIMES.join('|')}`,
          `training: seq= rank= targets=qv|attn|all optimizer=${OPTIMIZERS.join('|')} gc=on|off|offload accum=N; bf16 = pure 16-bit, mixed = fp32 master weights`,
          `framework=${FRAMEWORKS.join('|')} (or "with unsloth"), loss=full|chunked|fused, zero=1|2|3, fsdp, ddp`,
          'fa=on|off (flash attention), gpu=rtx-4090 or gpu=2x3090 or "on a 4090", "on my m3 max 36gb", "a 24gb gpu", gpus=4, private / public',
          'hardware and no model asks what it can run: "what can i run on a 3090", "qlora on a 4090", "best coding model for my 4090"',
        ],
      },
      {
        title: 'Reading the answer',
        lines: [
          'Sizes are GiB (2^30 bytes); a "24 GB" card has 24 GiB. The band is what the uncertain parts could add or save.',
          'fits = even the high end fits; tight = the central estimate fits, the high end does not; no = it does not fit.',
        ],
      },
    ],
  };
}
