// Platform-neutral commands: dispatch, buttons (stateless variants) and autocomplete.
import { describe, expect, it } from 'vitest';
import { handle, runVariant } from '../commands/index.ts';
import { buttonsFor, isVariantPayload } from '../commands/variants.ts';
import { complete, searchModels, searchGpus, MAX_CHOICES } from '../commands/complete.ts';
import { parseDraft, draftToText } from '../src/query/parse.ts';

function estimate(text: string) {
  const r = handle({ text });
  if (r.kind !== 'estimate') throw new Error(`${text}: ${r.kind === 'error' ? r.message : r.kind}`);
  return r;
}

describe('dispatch', () => {
  it.each([
    ['/vram help', 'help'],
    ['help', 'help'],
    ['', 'help'],
    ['gpus', 'gpus'],
    ['models qwen', 'models'],
    ['/vram 13b int4 ctx=8192', 'estimate'],
    ['vram: 13b int4', 'estimate'],
    ['/vram zzz', 'error'],
  ])('%j -> %s', (text, kind) => {
    expect(handle({ text }).kind).toBe(kind);
  });
  it('help, errors and private answers are ephemeral; results are public', () => {
    expect(handle({ text: 'help' }).ephemeral).toBe(true);
    expect(handle({ text: 'zzz' }).ephemeral).toBe(true);
    expect(handle({ text: 'llama-3.1-8b private' }).ephemeral).toBe(true);
    expect(handle({ text: 'llama-3.1-8b' }).ephemeral).toBe(false);
  });
  it('typed options win over the words of the query', () => {
    const r = estimate('llama-3.1-8b ctx=4k');
    expect(r.report.request.context).toBe(4096);
    const typed = handle({ text: 'llama-3.1-8b ctx=4k', options: { context: 16384, format: 'q4_k_m' } });
    expect(typed.kind === 'estimate' && typed.report.request).toMatchObject({
      context: 16384,
      format: 'q4_k_m',
    });
  });
  it('a typed model alone is enough', () => {
    expect(handle({ text: '', options: { model: 'qwen2.5-7b' } }).kind).toBe('estimate');
  });
  it('an internal fault becomes a short error and is reported to the caller', () => {
    let fault: unknown;
    const r = handle(
      {
        text: 'llama-3.1-8b',
        options: {
          get model(): string {
            throw new Error('boom');
          },
        } as never,
      },
      (e) => (fault = e),
    );
    expect(r.kind).toBe('error');
    expect(fault).toBeInstanceOf(Error);
    expect(JSON.stringify(r)).not.toContain('boom');
  });
});

describe('buttons', () => {
  it('offer the other modes and half/double context, with payloads that fit a Discord custom id', () => {
    const r = estimate('llama-3.1-8b q4_k_m ctx=8k');
    const b = buttonsFor(r.query, r.report.request.mode, r.report.request.context, 100);
    expect(b.map((x) => x.variant)).toEqual(['lora', 'qlora', 'full', 'half', 'double']);
    for (const x of b) {
      expect(x.payload.length).toBeLessThanOrEqual(100);
      expect(isVariantPayload(x.payload)).toBe(true);
    }
  });
  it('drop a button whose payload would be too long rather than cut it', () => {
    expect(buttonsFor('x'.repeat(200), 'inference', 8192, 100)).toEqual([]);
  });
  it('halving and doubling the context', () => {
    const half = runVariant('v1:half:llama-3.1-8b q4_k_m ctx=8192');
    const double = runVariant('v1:double:llama-3.1-8b q4_k_m ctx=8192');
    expect(half.kind === 'estimate' && half.report.request.context).toBe(4096);
    expect(double.kind === 'estimate' && double.report.request.context).toBe(16384);
  });
  it('halving a default context halves what the reply used', () => {
    const half = runVariant('v1:half:llama-2-7b');
    expect(half.kind === 'estimate' && half.report.request.context).toBe(2048);
  });
  it('switching to a training mode drops inference-only words (a GGUF file cannot be fine-tuned)', () => {
    const r = runVariant('v1:qlora:llama-3.1-8b q4_k_m ctx=8192 kv=q8_0 runtime=llama.cpp');
    expect(r.kind).toBe('estimate');
    expect(r.kind === 'estimate' && r.report.request).toMatchObject({
      mode: 'qlora',
      format: 'nf4',
      context: 8192,
    });
  });
  it('switching back to inference drops training-only words', () => {
    const r = runVariant('v1:inference:llama-3.1-8b lora rank=64 optimizer=adamw8bit gc=on');
    expect(r.kind === 'estimate' && r.report.request.mode).toBe('inference');
  });
  it('the reply to a click carries its own words, so the next click works too', () => {
    const r = runVariant('v1:lora:mistral-7b');
    expect(r.kind === 'estimate' && r.query).toBe('mistral-7b lora');
  });
  it('an unknown or tampered payload is a short error, not a crash', () => {
    expect(runVariant('v9:lora:x').kind).toBe('error');
    expect(runVariant('v1:lora:zzz-not-a-model').kind).toBe('error');
    expect(runVariant('garbage').kind).toBe('error');
  });
  it('the query words round-trip through the draft', () => {
    for (const q of [
      'can i run llama 3.1 8b on my 4090 with 8k context?',
      'mistral-7b qlora rank=16',
      'gpt-oss-20b exl2=4.5 runtime=exllamav2 gpus=2 private',
    ]) {
      const d = parseDraft(q);
      const again = parseDraft(draftToText(d));
      expect({ ...again, modelWord: undefined }).toEqual({ ...d, modelWord: undefined });
    }
  });
});

describe('autocomplete', () => {
  it('completes the last word and keeps the words before it', () => {
    const c = complete('llama-3.1-8b q4');
    expect(c[0]).toBe('llama-3.1-8b q4_k_m');
    for (const x of c) expect(x.startsWith('llama-3.1-8b ')).toBe(true);
  });
  it('suggests models first, formats and settings after a model', () => {
    expect(complete('')[0]).toMatch(/^llama/);
    expect(complete('llama-3.1-8b ')).toContain('llama-3.1-8b q4_k_m');
    expect(complete('llama-3.1-8b ctx=')).toContain('llama-3.1-8b ctx=32k');
    expect(complete('llama-3.1-8b gpu=rtx-40')).toContain('llama-3.1-8b gpu=rtx-4090');
  });
  it('never more than 25 choices of at most 100 characters', () => {
    for (const t of [
      '',
      'q',
      'llama',
      'llama-3.1-8b ',
      'x'.repeat(150),
      'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(3),
    ]) {
      const c = complete(t);
      expect(c.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const x of c) expect(x.length).toBeLessThanOrEqual(100);
    }
  });
  it('model and GPU pickers', () => {
    expect(searchModels('qwen3')[0]!.id).toMatch(/^qwen3/);
    expect(searchGpus('4090').map((g) => g.id)).toContain('rtx-4090');
    expect(searchModels('').length).toBe(MAX_CHOICES);
  });
});
