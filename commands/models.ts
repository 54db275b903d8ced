// models: the model catalog with sizes and default contexts.
import { MODELS } from '../src/catalog/models.ts';
import { paramBreakdown } from '../src/catalog/params.ts';
import type { StateKind } from '../src/catalog/types.ts';
import type { Command, ModelRow, Reply } from './types.ts';
import { matches } from './gpus.ts';

const STATE_WORDS: Record<StateKind, string> = {
  'gated-deltanet': 'Gated DeltaNet',
  'kimi-delta': 'KDA',
  lightning: 'lightning',
  mamba2: 'Mamba-2',
  mamba: 'Mamba',
  'short-conv': 'short conv',
};

export const models: Command = {
  name: 'models',
  description: 'The models we know by name (any other size works as e.g. 7b)',
  usage: '/vram models [filter]',
  examples: ['models', 'models qwen', 'models moe', 'models hybrid', 'models coding'],
  options: [{ name: 'filter', type: 'string', description: 'family or name part' }],
  run(input): Reply {
    const filter = input.text.trim().toLowerCase();
    const rows: ModelRow[] = MODELS.filter((m) =>
      matches(filter, [
        m.id,
        m.name,
        m.hfId,
        m.moe ? 'moe' : 'dense',
        m.mla ? 'mla' : '',
        m.stateGroups ? 'hybrid' : '',
        m.encoder ? 'vision' : '',
        m.family ?? '',
        ...(m.uses ?? []),
        ...m.aliases,
      ]),
    ).map((m) => {
      const p = paramBreakdown(m);
      return {
        id: m.id,
        name: m.name,
        paramsB: Math.round(p.total / 1e7) / 100,
        activeB: m.moe ? Math.round(p.active / 1e7) / 100 : null,
        context: m.maxContext,
        notes: [
          m.moe ? 'MoE' : '',
          m.mla ? 'MLA' : '',
          m.stateGroups ? `hybrid (${STATE_WORDS[m.stateGroups[0]!.kind]})` : '',
          m.slidingWindow || m.kvGroups?.some((g) => g.window) ? 'sliding window' : '',
          m.encoder ? 'vision' : '',
          m.kvHeads < m.heads ? `GQA ${m.heads}/${m.kvHeads}` : 'MHA',
        ]
          .filter(Boolean)
          .join(', '),
      };
    });
    return {
      kind: 'models',
      title: filter ? `Models matching "${filter}" (${rows.length})` : `Models (${rows.length})`,
      rows,
      note: 'A bare size (7b, 13b, 1.5b) also works: it maps to a stated Llama-style shape.',
      ephemeral: true,
    };
  },
};
