// The names people type in late 2026 (issue 10): Ollama tags, words that imply a runtime, hardware by memory
// or product, chips sold in several sizes, question phrasings, and did-you-mean hints of the same kind.
import { describe, expect, it } from 'vitest';
import { draftToText, parseDraft, parseQuery } from '../src/query/parse.ts';
import { refused, report } from './helpers.ts';

const q = (text: string) => parseQuery(text).request;

describe('Ollama tags', () => {
  it('a tag means runtime Ollama at the library default (Q4_K_M), and the reply says why', () => {
    const r = q('qwen2.5:14b on a 3060');
    expect(r.model).toBe('qwen2.5-14b');
    expect(r.runtime).toBe('ollama');
    expect(r.format).toBe('q4_k_m');
    expect(r.assumed.join(' ')).toMatch(/qwen2\.5:14b is an Ollama tag/);
  });

  it.each([
    ['llama3.1:8b-instruct-q8_0', 'llama-3.1-8b', 'q8_0'],
    ['llama3.1:8b-instruct-q5_K_M', 'llama-3.1-8b', 'q5_k_m'],
    ['gemma3:27b-it-qat', 'gemma-3-27b', 'q4_0'],
    ['qwen3:30b-a3b-instruct-2507-q4_K_M', 'qwen3-30b-a3b-2507', 'q4_k_m'],
    ['qwen3:8b-fp16', 'qwen3-8b', 'f16'],
    ['gpt-oss:20b', 'gpt-oss-20b', 'mxfp4'],
    ['deepseek-r1:14b', 'deepseek-r1-distill-qwen-14b', 'q4_k_m'],
    ['llama3.1:latest', 'llama-3.1-8b', 'q4_k_m'],
  ])('%s -> %s at %s in Ollama', (tag, model, format) => {
    const r = q(tag);
    expect([r.model, r.format, r.runtime]).toEqual([model, format, 'ollama']);
  });

  it('a named runtime wins over the tag; training runs in PyTorch whatever the tag', () => {
    expect(q('qwen2.5:14b runtime=vllm').runtime).toBe('vllm');
    expect(q('llama3.1:8b qlora').runtime).toBe('transformers');
  });

  it('the tag survives the round trip through buttons (draftToText)', () => {
    const d = parseDraft('gemma3:27b-it-qat ctx=16k');
    expect(parseDraft(draftToText(d))).toEqual(d);
  });

  it('an unknown library name is refused with a model suggestion, and ctx:8k still reads as a setting', () => {
    expect(refused('qwem3:8b')).toMatch(/unknown model "qwem3".*Did you mean/);
    expect(q('llama-3.1-8b ctx:8k').context).toBe(8192);
  });
});

describe('words that imply a runtime', () => {
  it.each([
    ['qwen3-8b kv=q8_0', 'llama.cpp', /kv=q8_0, a llama\.cpp cache type/],
    ['qwen3-8b q5_k_m', 'llama.cpp', /implied by GGUF Q5_K_M/],
    ['qwen3-8b exl2=4.5', 'exllamav2', /implied by EXL2/],
    ['qwen3-8b mlx4', 'mlx', /implied by MLX/],
  ])('%s runs in %s', (text, runtime, why) => {
    const r = q(text);
    expect(r.runtime).toBe(runtime);
    expect(r.assumed.join(' ')).toMatch(why);
  });

  it('MXFP4 runs in llama.cpp (gpt-oss GGUFs) and NVFP4 is a format', () => {
    expect(q('gpt-oss-120b mxfp4 runtime=llama.cpp').format).toBe('mxfp4');
    expect(q('gpt-oss-120b runtime=llama.cpp').format).toBe('mxfp4');
    expect(q('qwen3-32b nvfp4').runtime).toBe('vllm');
  });
});

describe('hardware words', () => {
  it.each([
    ['qwen3-8b on a 16gb card', 'gpu-16gb', null],
    ['qwen3-8b on my 24gb gpu', 'gpu-24gb', null],
    ['qwen3-8b on a 24 gb gpu', 'gpu-24gb', null],
    ['qwen3-8b on a 48gb mac', 'mac-48gb', null],
    ['qwen3-8b on a 64gb mac studio', 'mac-studio-64gb', null],
    ['qwen3-8b gpu=4090', 'rtx-4090', null],
    ['qwen3-8b on a single 4090', 'rtx-4090', 1],
    ['qwen3-8b on dual 3090s', 'rtx-3090', 2],
    ['qwen3-8b on quad a100', 'a100-80gb-sxm', 4],
    ['qwen3-8b on a 3060 ti', 'rtx-3060-ti', null],
    ['qwen3-8b on a 4070 super', 'rtx-4070-super', null],
    ['qwen3-8b on a 7900 xtx', 'rx-7900-xtx', null],
    ['qwen3-8b on a 4090 laptop', 'rtx-4090-laptop', null],
    ['qwen3-8b on m3 max 36gb', 'apple-m3-max-36gb', null],
    ['qwen3-8b on my m3 max with 48gb ram', 'apple-m3-max-48gb', null],
    ['qwen3-8b on my macbook pro with 48gb ram', 'macbook-pro-48gb', null],
  ])('%s -> %s', (text, gpu, count) => {
    const r = q(text);
    expect(r.gpu).toBe(gpu);
    expect(r.gpuCount).toBe(count);
  });

  it('a generic device says it is generic: its memory only, no speed ceiling', () => {
    const r = report('llama-3.1-8b q4_k_m on a 16gb card');
    expect(r.summary).toMatch(/Fits on a 16 GB GPU/);
    expect(r.focus!.usableBytes).toBe(16 * 2 ** 30);
    expect(r.focus!.tokensPerSecond).toBeNull();
  });

  it('a chip sold in several sizes is answered per size, never silently the largest', () => {
    const r = report('llama-3.3-70b q4_k_m on my m3 max');
    expect(r.request.gpu).toBe('m3-max');
    expect(r.summary).toMatch(/Fits on Apple M3 Max with 64 GB or more \(not with 48 GB or less\)/);
    // The 36 GB owner is not told it fits.
    const small = report('llama-3.3-70b q4_k_m on m3 max 36gb');
    expect(small.focus!.verdict).toBe('no');
  });

  it('a Mac product word covers the chips sold under it', () => {
    expect(report('qwen3-30b-a3b on a macbook air').summary).toMatch(/MacBook Air with \d+ GB or more/);
  });

  it('a size the chip is not sold in is refused, naming the sizes', () => {
    expect(refused('qwen3-8b on m3 max 32gb')).toMatch(/36, 48, 64, 96, 128 GB/);
  });

  it('system RAM next to a discrete card is noted, not used', () => {
    expect(q('qwen3-8b on a 3090 with 64gb ram').assumed.join(' ')).toMatch(/64 GB of system RAM noted/);
  });

  it('a Mac defaults to MLX; bitsandbytes is said not to run there, with a format that does', () => {
    expect(q('qwen3-8b on my m4 pro 48gb').runtime).toBe('mlx');
    const r = report('qwen3-8b nf4 on m4 pro 48gb');
    expect(r.summary).toMatch(/does not run on Apple GPUs/);
    expect(r.fits.some((f) => f.gpu.startsWith('apple-'))).toBe(false);
  });
});

describe('questions as people ask them', () => {
  it.each([
    'what gpu do i need for qwen3 32b',
    'how much vram for qwen3 32b',
    'how much vram do i need to run qwen3 32b?',
    'which card should i get for qwen3 32b',
  ])('"%s" asks about Qwen3 32B with no hardware', (text) => {
    const r = q(text);
    expect(r.model).toBe('qwen3-32b');
    expect(r.gpu).toBeNull();
  });

  it.each([
    'is a 4090 enough for qwen3 32b',
    'will qwen3 32b fit on a 4090',
    'can my 4090 run qwen3 32b',
    'can i run qwen3 32b on my rtx 4090?',
    'qwen3 32b on a single 4090',
  ])('"%s" asks about Qwen3 32B on one RTX 4090', (text) => {
    const r = q(text);
    expect([r.model, r.gpu]).toEqual(['qwen3-32b', 'rtx-4090']);
  });

  it('with hardware and no format, the headline answers with the best format that fits', () => {
    const r = report('can i run qwen3 32b on my 4090');
    expect(r.summary).toMatch(/^BF16: does not fit on GeForce RTX 4090/);
    expect(r.summary).toMatch(/Q4_K_M in llama\.cpp: fits, [\d.]+ GiB of 24\.0 GiB/);
    // A named format is answered as asked.
    expect(report('qwen3 32b bf16 on my 4090').summary).not.toMatch(/llama\.cpp/);
  });

  it('the format it offers fits with its whole range when one does; "tight" only when nothing fits', () => {
    // Q6_K is tight on 8 GB (its central estimate fits, its high end does not); Q5_K_M fits.
    const r = report('nemotron nano 9b v2 on 3060 ti');
    expect(r.summary).toMatch(/Q5_K_M in llama\.cpp: fits, /);
    const offered = report('nemotron nano 9b v2 q5_k_m on 3060 ti');
    expect(offered.focus?.verdict).toBe('fits');
    expect(report('nemotron nano 9b v2 q6_k on 3060 ti').focus?.verdict).toBe('tight');
  });

  it('a card older than Ampere (no bf16) is answered in fp16, same bytes; a named bf16 stays', () => {
    const t4 = report('qwen3 8b on a t4');
    expect(t4.title).toMatch(/· FP16 ·/);
    expect(t4.assumptions.join(' ')).toMatch(/T4 has no bf16/);
    expect(t4.total).toEqual(report('qwen3 8b bf16 on a t4').total);
    expect(report('qwen3 8b bf16 on a t4').title).toMatch(/· BF16 ·/);
    expect(report('qwen3 8b on a 3090').title).toMatch(/· BF16 ·/);
    expect(report('qwen3 8b on a 24gb gpu').title).toMatch(/· BF16 ·/);
    // vLLM on a T4: AWQ, not an FP8 it has no kernels for.
    expect(report('llama 3.1 8b vllm on a t4').summary).toMatch(/AWQ 4-bit \(g128\) in vLLM: fits/);
  });

  it("a vLLM or SGLang question is offered the server's own format first: FP8, then AWQ", () => {
    const ada = report('phi-4 runtime=vllm on my 4090');
    expect(ada.summary).toMatch(/FP8 \(e4m3\) in vLLM: fits, [\d.]+ GiB of 21\.6 GiB/);
    expect(report('phi-4 fp8 runtime=vllm on my 4090').focus?.verdict).toBe('fits');
    // Ampere runs FP8 through Marlin; where FP8 does not fit, AWQ.
    expect(report('gemma-3-27b runtime=sglang on 2x 3090').summary).toMatch(/FP8 \(e4m3\) in SGLang: fits/);
    expect(report('gemma-3-27b runtime=sglang ctx=32k on 2x 3090').summary).toMatch(
      /AWQ 4-bit \(g128\) in SGLang: fits/,
    );
    // Offered once: the suggestions do not repeat the same format in other words.
    const seed = report('seed oss 36b in vllm on 2 4090s');
    expect(seed.suggestions[0]).toMatch(/^awq runtime=vllm: /);
    expect(seed.suggestions.filter((s) => /AWQ/.test(s))).toEqual([]);
    // No server named: GGUF, as before; and a server that cannot hold even AWQ falls back to GGUF.
    expect(report('phi-4 on my 4090').summary).toMatch(/in llama\.cpp: fits/);
    expect(report('qwen3 32b vllm on a 4090').summary).toMatch(/Q4_K_M in llama\.cpp: fits/);
  });

  it('never offers a runtime the card cannot run: no llama.cpp or AWQ on a TPU', () => {
    const tpu = report('qwen3 32b on tpu v6e');
    expect(tpu.summary).not.toMatch(/llama\.cpp/);
    expect(tpu.suggestions.join(' ')).not.toMatch(/runtime=llama\.cpp/);
    expect(report('qwen3 32b vllm on tpu v6e').summary).not.toMatch(/AWQ|llama\.cpp/);
  });

  it('past Q4_K_M, a q8_0 cache comes before weights a step lower (long contexts)', () => {
    // 70B at 32k on 2x 4090: nothing down to Q4_K_M fits as the runtime runs by default; Q3_K_M does with a
    // q8_0 cache, which beats IQ2_M weights with a 16-bit cache.
    const r = report('70b on two 4090s ctx 32k');
    expect(r.summary).toMatch(/Q3_K_M in llama\.cpp with flash attention and a q8_0 KV cache: fits/);
    expect(report('70b q3_k_m ctx=32k fa=on kv=q8_0 on 2x 4090').focus?.verdict).toBe('fits');
  });
});

describe('a variant sized by its base model says so', () => {
  it.each([
    ['qwen 2.5 coder 32b on a 3090', 'Qwen2.5 32B'],
    ['hermes 4 70b', 'Llama 3.1 70B'],
    ['deepseek v3.1 q4', 'DeepSeek-V3'],
    ['qwen2.5-coder:32b-instruct-q4_K_M', 'Qwen2.5 32B'],
  ])('%s', (text, base) => {
    const r = report(text);
    expect(r.assumptions.join('\n')).toContain(`has ${base}'s architecture, so the same memory`);
    // The title names what was asked next to the model sized.
    expect(r.title.startsWith(`${base} (as "`)).toBe(true);
  });
  it("Ollama's deepseek-r1:8b is the R1-0528 Qwen3 distill; the Llama distill has its own tag", () => {
    expect(q('deepseek-r1:8b').model).toBe('qwen3-8b');
    expect(q('deepseek-r1:8b-0528-qwen3-q4_K_M').model).toBe('qwen3-8b');
    expect(q('deepseek r1 0528 qwen3 8b on a 3060').model).toBe('qwen3-8b');
    expect(q('deepseek-r1:8b-llama-distill-q4_K_M').model).toBe('deepseek-r1-distill-llama-8b');
  });
  it.each([
    'qwen2.5:32b',
    'llama3.1:70b-instruct-q8_0',
    'yi 1.5 34b',
    'liquid lfm2 1.2b',
    'gptoss 20b',
    'granite4:micro',
  ])('a spelling of the model itself is no variant: %s', (text) => {
    expect(report(text).assumptions.join('\n')).not.toContain('architecture, so the same memory');
  });
});

describe('did you mean: plausible and of the same kind', () => {
  it('short words get no guess', () => {
    expect(refused('qwen3-8b ti')).not.toMatch(/Did you mean/);
  });
  it('a model typo gets a model, a GPU typo a GPU', () => {
    expect(refused('lama 3 8b')).toMatch(/Did you mean "llama-3-8b"/);
    expect(refused('qwen3-8b on rtx 4099')).toMatch(/unknown GPU.*Did you mean "rtx-4090"/);
  });
  it('a last word that names another model with the words before it gets that model', () => {
    // There is no GLM-4.6-Air: "glm 4.6" is a model, but "air" belongs with it.
    expect(refused('glm 4.6 air on a mac studio 256gb')).toMatch(
      /unknown name "glm 4\.6 air"\. Did you mean "glm-4\.5-air"/,
    );
    expect(refused('mistral 7b hello world')).not.toMatch(/Did you mean/);
  });
  it('a word that only starts like a GPU maker is not a GPU ("arcee" is not "arc")', () => {
    expect(refused('arcee trinity')).not.toMatch(/unknown GPU/);
    expect(refused('qwen3 8b on arc b58')).toMatch(/unknown GPU "arc b58"/);
    expect(q('qwen3 8b on rx 7800').gpu).toBe('rx-7800-xt');
  });
  it('a bare word is never offered a key= setting', () => {
    expect(refused('qwen3-8b rr1x')).not.toMatch(/=/);
  });
  it('an unknown GPU after "on" gets a GPU hint or the way to name one by size', () => {
    expect(refused('phi-4-mini on a raspberry pi')).toMatch(/unknown GPU "raspberry".*24gb gpu/);
  });
});

describe('the families of 2025-26 answer by name and by Ollama tag', () => {
  it.each([
    ['qwen3 4b instruct 2507', 'qwen3:4b-instruct-2507', 'qwen3-4b-2507'],
    ['qwen3 coder 30b', 'qwen3-coder:30b', 'qwen3-coder-30b-a3b'],
    ['qwen3-next 80b', 'qwen3-next:80b', 'qwen3-next-80b-a3b'],
    ['qwen3-vl 8b', 'qwen3-vl:8b', 'qwen3-vl-8b'],
    ['qwen3.5 27b', 'qwen3.5:27b', 'qwen3.5-27b'],
    ['qwen3.6 27b', 'qwen3.6:27b', 'qwen3.6-27b'],
    ['gemma 3 270m', 'gemma3:270m', 'gemma-3-270m'],
    ['gemma 3n e4b', 'gemma3n:e4b', 'gemma-3n-e4b'],
    ['gemma 4 31b', 'gemma4:31b', 'gemma-4-31b'],
    ['deepseek v3.1', 'deepseek-v3.1:671b', 'deepseek-v3'],
    ['deepseek-v3.2', 'deepseek-v3.2:671b', 'deepseek-v3.2'],
    ['deepseek-v4-flash', 'deepseek-v4-flash:284b', 'deepseek-v4-flash'],
    ['kimi k2', 'kimi-k2:1t', 'kimi-k2'],
    ['glm-4.5-air', 'glm-4.5-air:106b', 'glm-4.5-air'],
    ['glm 4.6', 'glm-4.6:355b', 'glm-4.6'],
    ['glm-4.7', 'glm-4.7:355b', 'glm-4.7'],
    ['glm-5', 'glm-5:744b', 'glm-5'],
    ['minimax m2', 'minimax-m2:230b', 'minimax-m2'],
    ['mistral small 3.2', 'mistral-small3.2:24b', 'mistral-small-3.2'],
    ['magistral small 1.0', 'magistral:24b', 'magistral-small-1.0'],
    ['devstral small', 'devstral:24b', 'devstral-small-1.0'],
    ['ministral 3 8b', 'ministral-3:8b', 'ministral-3-8b'],
    ['phi-4-mini', 'phi4-mini:3.8b', 'phi-4-mini'],
    ['phi-4-reasoning', 'phi4-reasoning:14b', 'phi-4-reasoning'],
    ['granite 4.0 h small', 'granite4:small-h', 'granite-4.0-h-small'],
    ['nemotron nano 9b v2', 'nemotron-nano:9b', 'nemotron-nano-9b-v2'],
    ['nemotron-h 8b', 'nemotron-h:8b', 'nemotron-h-8b'],
    ['nemotron 3 nano 30b', 'nemotron-3-nano:30b', 'nemotron-3-nano-30b-a3b'],
    ['lfm2 1.2b', 'lfm2:1.2b', 'lfm2-1.2b'],
    ['smollm3 3b', 'smollm3:3b', 'smollm3-3b'],
    ['olmo 2 13b', 'olmo2:13b', 'olmo-2-13b'],
    ['olmo 3 7b', 'olmo-3:7b', 'olmo-3-7b'],
    ['ernie 4.5 21b', 'ernie-4.5:21b', 'ernie-4.5-21b-a3b'],
    ['falcon-h1 7b', 'falcon-h1:7b', 'falcon-h1-7b'],
    ['seed-oss 36b', 'seed-oss:36b', 'seed-oss-36b'],
    ['command a', 'command-a:111b', 'command-a'],
    ['command r7b', 'command-r7b:7b', 'command-r7b'],
  ])('"%s" and "%s" -> %s', (name, tag, id) => {
    expect(q(name).model).toBe(id);
    const t = q(tag);
    expect([t.model, t.runtime]).toEqual([id, 'ollama']);
  });
});

describe('file and repo names with their quantization (LM Studio, GGUF repos)', () => {
  it.each([
    ['Qwen3-30B-A3B-Instruct-2507-Q4_K_M.gguf', 'qwen3-30b-a3b-2507', 'q4_k_m', 'llama.cpp'],
    ['Meta-Llama-3.1-8B-Instruct-Q5_K_M.gguf', 'llama-3.1-8b', 'q5_k_m', 'llama.cpp'],
    ['gemma-3-27b-it-Q8_0', 'gemma-3-27b', 'q8_0', 'llama.cpp'],
    ['Qwen3-8B-UD-Q4_K_XL.gguf', 'qwen3-8b', 'q4_k_m', 'llama.cpp'],
    ['qwen3-8b-bf16.gguf', 'qwen3-8b', 'bf16-gguf', 'llama.cpp'],
    ['gpt-oss-20b-mxfp4.gguf', 'gpt-oss-20b', 'mxfp4', 'llama.cpp'],
    ['Qwen3-8B-AWQ', 'qwen3-8b', 'awq', 'transformers'],
  ])('%s -> %s %s', (name, model, format, runtime) => {
    const r = q(name);
    expect([r.model, r.format, r.runtime]).toEqual([model, format, runtime]);
  });
});

describe('chat words found by asking like a user', () => {
  it('"fine tune" is one word; with Unsloth it means its default QLoRA', () => {
    const r = q('fine tune qwen3 8b with unsloth on a colab t4');
    expect([r.mode, r.framework, r.gpu]).toEqual(['qlora', 'unsloth', 't4']);
  });
  it('"q4" is the Q4_K_M file, as q5 / q6 / q8 are', () => {
    expect(q('glm 4.5 air q4 on dual 3090').format).toBe('q4_k_m');
  });
  it('"deepseek r1 distill 32b" names the Qwen-based distill', () => {
    expect(q('deepseek r1 distill 32b').model).toBe('deepseek-r1-distill-qwen-32b');
  });
  it('a family name with a size it is not made in lists the sizes', () => {
    expect(refused('gemma 4 27b on my 3090')).toMatch(/no Gemma 4 model of 27b: it comes as .*gemma-4-31b/);
  });
});

describe('more chat words', () => {
  it('a Mac product and its chip are one machine; the chip (and a size) win', () => {
    expect(q('can my macbook pro m4 max run llama 3.3 70b').gpu).toBe('m4-max');
    expect(q('my m4 max macbook pro 64gb llama 3.3 70b').gpu).toBe('apple-m4-max-64gb');
  });
  it('"deepspeed zero 3" is ZeRO-3; "llm" is filler', () => {
    expect(q('full finetune llama 3.1 8b with deepspeed zero 3 on 4 a100').parallelism).toBe('zero3');
    expect(parseDraft('what llm can i run on 16gb vram').gpu).toBe('gpu-16gb');
  });
  it.each([
    ['qwen3 14b 128k context on a 4090 with q4 kv cache', 'q4_0'],
    ['qwen3 14b q4_k_m with q8 kv cache', 'q8_0'],
    ['qwen3 14b q4_k_m kv cache q8_0', 'q8_0'],
    ['qwen3 14b q4_k_m with q8 cache', 'q8_0'],
    ['qwen3 14b fp8 kv-cache runtime=vllm', 'fp8'],
  ])('the KV cache type in words: %s', (text, kv) => {
    expect(q(text).kvType).toBe(kv);
  });
  it('"kv cache" with no type names nothing; a weights format before it stays the weights', () => {
    expect(q('how much kv cache for qwen3 14b at 128k').kvType).toBe('fp16');
    const r = q('qwen3 14b q8_0 with q4 kv cache');
    expect([r.format, r.kvType]).toEqual(['q8_0', 'q4_0']);
  });
  it('a GGUF repository holds GGUF files: llama.cpp and its usual Q4_K_M unless said', () => {
    const r = q('unsloth/Qwen3-30B-A3B-GGUF');
    expect([r.model, r.runtime, r.format]).toEqual(['qwen3-30b-a3b', 'llama.cpp', 'q4_k_m']);
    expect(q('unsloth/Qwen3-30B-A3B-GGUF q8_0').format).toBe('q8_0');
    expect(q('Qwen3-30B-A3B').format).toBe('bf16');
  });
  it.each([
    "what's the max context for llama 3.1 8b on a 4090",
    'qwen3 32b q4 longest context length on a 4090',
    'qwen3 32b q4 tok/s on a 4090',
    'how many tokens per second qwen3 32b on a 4090',
    'qwen3 32b tps on 4090',
  ])('asking for what every answer shows (longest context, speed): %s', (text) => {
    const r = q(text);
    expect([r.gpu, r.context]).toEqual(['rtx-4090', 8192]);
  });
  it('"max context 32k" names the length; a comparison of cards says there are two', () => {
    expect(q('qwen3 32b max context 32k on a 4090').context).toBe(32768);
    expect(refused('is 5090 better than 4090 for llama 70b')).toMatch(/two GPUs in one query/);
    expect(refused('llama 70b on 4090 vs 5090')).toMatch(/two GPUs in one query/);
  });
  it('"ram" alone is filler (a Mac\'s RAM is its GPU memory); MLX fine-tuning says it is not modelled', () => {
    expect(q('how much ram do i need for qwen3 30b on mac').model).toBe('qwen3-30b-a3b');
    expect(q('qwen3 30b on a mac with 64gb ram').gpu).toBe('mac-64gb');
    expect(refused('mlx lora qwen3 8b on m4 pro')).toMatch(/mlx_lm\.lora, is not modelled/);
  });
  it('gpt-oss-safeguard is gpt-oss; a named encoder-only embedder says it is not in the catalog', () => {
    expect(q('gpt oss safeguard 20b on a 16gb card').model).toBe('gpt-oss-20b');
    expect(refused('bge-m3 on a t4')).toMatch(/encoder-only embedding model, not in the catalog/);
    expect(q('qwen3 embedding 8b').model).toBe('qwen3-embedding-8b');
  });
  it('"liger kernel" is Liger\'s fused loss', () => {
    expect(q('train mistral 7b with liger kernel').loss).toBe('fused');
  });
});

describe('laptops, QAT checkpoints and EXL2 bits in words', () => {
  it.each([
    ['llama 3.1 8b on my laptop 4060', 'rtx-4060-laptop'],
    ['llama 3.1 8b on a laptop with a 4090', 'rtx-4090-laptop'],
    ['llama 3.1 8b on my 4060 laptop', 'rtx-4060-laptop'],
    ['what can my notebook 3080 run', 'rtx-3080-laptop'],
    // No laptop part in the catalog (an eGPU, a Mac, a size): the hardware as named.
    ['llama 3.1 8b on a laptop with a 3090', 'rtx-3090'],
    ['llama 3.1 8b on a 16gb laptop gpu', 'gpu-16gb'],
  ])('%s -> %s', (text, gpu) => {
    expect(parseDraft(text).gpu).toBe(gpu);
  });

  it("a 4090 laptop is priced with its own 16 GB, not the desktop card's 24", () => {
    const r = report('llama 3.1 8b bf16 on my laptop 4090');
    expect(r.focus?.usableBytes).toBeLessThan(17 * 2 ** 30);
    expect(r.focus?.verdict).toBe('no');
  });

  it('a laptop with no card named asks which GPU it has', () => {
    expect(refused('llama 3.1 8b on my laptop')).toMatch(/which GPU does the laptop have/);
  });

  it('"qat" is the Q4_0 file quantization-aware checkpoints ship as', () => {
    const r = q('gemma 3 27b qat');
    expect([r.model, r.format, r.runtime]).toEqual(['gemma-3-27b', 'q4_0', 'llama.cpp']);
  });

  it.each([
    'mixtral 8x7b exl2 4.65',
    'mixtral 8x7b exl2 4.65bpw',
    'mixtral 8x7b exl2 4.65 bpw',
    'mixtral 8x7b 4.65bpw exl2',
    'mixtral 8x7b 4.65 bpw',
  ])('%s is exl2=4.65 in ExLlamaV2', (text) => {
    const r = q(text);
    expect([r.format, r.runtime]).toEqual([q('mixtral 8x7b exl2=4.65').format, 'exllamav2']);
  });

  it('"exl2" alone is the runtime at its usual 4.0 bpw; bits out of range get the range', () => {
    const r = q('mixtral 8x7b exl2');
    expect([r.format, r.runtime]).toEqual(['exl2=4', 'exllamav2']);
    expect(refused('mixtral 8x7b exl2 99')).toMatch(/bits per weight from 2 to 8/);
  });
});

describe('how people open a question in a channel', () => {
  it.each([
    ['hey, would deepseek r1 distill 32b fit on a 3090?', 'deepseek-r1-distill-qwen-32b', 'rtx-3090'],
    ['quick question: can i run qwen3 14b on my 4070?', 'qwen3-14b', 'rtx-4070'],
    ['does anyone know if llama 3.1 70b fits on a 4090 pls', 'llama-3.1-70b', 'rtx-4090'],
  ])('%s', (text, model, gpu) => {
    const r = q(text);
    expect([r.model, r.gpu]).toEqual([model, gpu]);
  });

  it.each([
    ['how many 4090s for deepseek r1 q4', 'rtx-4090'],
    ['llama 3.1 405b on h100s', 'h100-sxm'],
    ['qwen3 8b on l40s', 'l40s'],
    ['qlora llama 3.1 70b on a single 48gb card', 'gpu-48gb'],
  ])('%s names %s', (text, gpu) => {
    expect(q(text).gpu).toBe(gpu);
  });

  it.each([
    ['qwen3 8b on nvidia rtx 4090', 'rtx-4090'],
    ['qwen3 8b on nvidia geforce rtx 4090', 'rtx-4090'],
    ['qwen3 8b on amd 7900 xtx', 'rx-7900-xtx'],
    ['qwen3 8b on amd radeon 7900 xtx', 'rx-7900-xtx'],
    ['qwen3 8b on intel arc b580', 'arc-b580'],
    ['qwen3 8b on amd instinct mi300x', 'mi300x'],
    ['qwen3 8b on amd ryzen ai max+ 395', 'ryzen-ai-max-395'],
  ])('the maker and product line before the card: %s', (text, gpu) => {
    expect(q(text).gpu).toBe(gpu);
  });

  it.each([
    ['gemma 3 27b on a framework desktop', 'ryzen-ai-max-395'],
    ['gemma 3 27b on a framework desktop 64gb', 'ryzen-ai-max-395-64gb'],
    ['gemma 3 27b on ai max+ 395 64gb', 'ryzen-ai-max-395-64gb'],
    ['gemma 3 27b on the ai max 395', 'ryzen-ai-max-395'],
    ['gemma 3 27b on a strix halo 64gb', 'ryzen-ai-max-395-64gb'],
    ['llama 3.3 70b on my gmktec evo-x2', 'ryzen-ai-max-395'],
  ])('Strix Halo by its products and sizes: %s', (text, gpu) => {
    expect(q(text).gpu).toBe(gpu);
  });

  it('a maker before a model is no obstacle either', () => {
    expect(q('nvidia nemotron nano 9b v2 on 4090').model).toBe(q('nemotron nano 9b v2').model);
  });

  it('preference and RL tuning say they are not modelled, and what to ask instead', () => {
    expect(refused('dpo on qwen3 8b lora 4090')).toMatch(
      /^DPO is not modelled.*reference model.*lora, qlora or full/,
    );
    expect(refused('grpo qwen2.5 7b on an h100')).toMatch(/^GRPO is not modelled.*generated completions/);
  });

  it.each(['can i run flux on my 4090', 'whisper large v3 on a 3060', 'sdxl on 8gb'])(
    '%s: an image or speech model gets a reply that says what this bot sizes',
    (text) => {
      expect(refused(text)).toMatch(/is an image, video or speech model: this bot sizes language models/);
    },
  );

  it('a card right before "seq 8k" / "ctx 16k" stays a card; "8k context" stays a length', () => {
    const r = q('lora llama 3.1 8b on 4090 seq 8k');
    expect([r.gpu, r.context]).toEqual(['rtx-4090', 8192]);
    expect(q('llama 3.1 8b on 4090 ctx 16k').context).toBe(16384);
    expect(q('llama 3.1 8b 8192 tokens').context).toBe(8192);
  });

  it.each([
    ['llama 3.1 8b q4 on 8 gig card', 'gpu-8gb'],
    ['mistral nemo 12b on 12 gigs', 'gpu-12gb'],
    ['qwen3 8b on a 16 gigabyte gpu', 'gpu-16gb'],
  ])('memory in gigs: %s', (text, gpu) => {
    expect(q(text).gpu).toBe(gpu);
  });

  it('"4 concurrent users", "16 parallel requests" are that many sequences at once (batch)', () => {
    expect(q('llama 3.1 8b with 4 concurrent users on a 4090').batch).toBe(4);
    expect(q('llama 3.1 8b 16 parallel requests vllm on h100').batch).toBe(16);
    expect(refused('llama 3.1 8b batch=4 8 users')).toMatch(/two batch sizes/);
  });

  it.each([
    ['llama 3.1 8b on a 4090 w/ 32k ctx', 'rtx-4090', 32768],
    ['llama3 70b @ q4 on 48gb', 'gpu-48gb', 8192],
    ['mistral 7b fp16 + 32k context, rtx 3090', 'rtx-3090', 32768],
  ])('shorthand between the parts: %s', (text, gpu, context) => {
    const r = q(text);
    expect([r.gpu, r.context]).toEqual([gpu, context]);
  });

  it.each([
    ['llama 3.1 8b tp=2 on 2x 3060', 2],
    ['llama 3.1 8b tensor parallel 2 on 3060', 2],
    ['llama 3.1 70b awq tp 4 on a10g', 4],
  ])("vLLM's tensor parallel size is the card count: %s", (text, cards) => {
    expect(q(text).gpuCount).toBe(cards);
  });

  it('"continued pretraining" is a full training job', () => {
    expect(q('continued pretraining llama 3.2 3b on 2x 4090').mode).toBe('full');
  });

  it('a colon after a setting still sets it ("ctx: 16k")', () => {
    expect(q('llama 3.1 8b ctx: 16k').context).toBe(16384);
  });
});
