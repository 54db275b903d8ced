// gpus: the GPU catalog, grouped, with the memory a job can really use.
import { GPUS } from '../src/catalog/gpus.ts';
import type { Command, GpuRow, Reply } from './types.ts';

export const gpus: Command = {
  name: 'gpus',
  description: 'The GPUs we know, with usable memory and bandwidth',
  usage: '/vram gpus [filter]',
  examples: ['gpus', 'gpus apple', 'gpus 24'],
  options: [{ name: 'filter', type: 'string', description: 'vendor, name part or memory size' }],
  run(input): Reply {
    const filter = input.text.trim().toLowerCase();
    const rows: GpuRow[] = GPUS.filter((g) =>
      matches(filter, [g.id, g.name, g.vendor, g.category, String(g.memoryGiB), ...g.aliases]),
    ).map((g) => ({
      id: g.id,
      name: g.name,
      memoryGiB: g.memoryGiB,
      usableGiB: Math.round(g.memoryGiB * g.usableFraction * 10) / 10,
      bandwidthGBs: g.bandwidthGBs,
      group: g.category,
    }));
    return {
      kind: 'gpus',
      title: filter ? `GPUs matching "${filter}" (${rows.length})` : `GPUs (${rows.length})`,
      rows,
      note: 'usable = what a job can allocate: Apple silicon gets the Metal working set (~75% of RAM by default).',
      ephemeral: true,
    };
  },
};

export function matches(filter: string, fields: string[]): boolean {
  if (!filter) return true;
  return filter.split(/\s+/).every((w) => fields.some((f) => f.toLowerCase().includes(w)));
}
