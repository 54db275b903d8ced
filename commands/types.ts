// Platform-neutral commands: each declares its options once and returns a reply model.
// Discord registration, Slack usage text and the console help are all derived from these declarations.
import type { Report } from '../src/report.ts';
import type { Fit } from '../src/fit.ts';
import type { RunnableAnswer } from '../src/whatfits.ts';
import type { ChartData } from '../src/chart-data.ts';

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionDecl {
  name: string;
  type: OptionType;
  description: string;
  required?: boolean;
  choices?: readonly string[];
  autocomplete?: boolean;
  min?: number;
  max?: number;
}

/** What an adapter hands a command: the free text plus any typed options. */
export interface CommandInput {
  text: string;
  options?: Record<string, string | number | boolean | undefined>;
}

export interface HelpSection {
  title: string;
  lines: string[];
}

export type Reply =
  | {
      kind: 'estimate';
      report: Report;
      /** The asker's words, normalized (draftToText): what buttons replay with a change. */
      query: string;
      ephemeral: boolean;
      /** 'details': formulas, every assumption and the GPU lists (the Details button); else the compact answer. */
      view?: 'details';
      /** The memory-vs-context chart's data, when asked (`chart`, or the Chart button): adapters draw it. */
      chart?: ChartData;
    }
  | { kind: 'error'; message: string; example: string; ephemeral: true }
  | { kind: 'help'; title: string; sections: HelpSection[]; ephemeral: true }
  | { kind: 'gpus'; title: string; rows: GpuRow[]; note: string; ephemeral: boolean }
  | { kind: 'models'; title: string; rows: ModelRow[]; note: string; ephemeral: boolean }
  | {
      /** "What can my GPU run?": per mode, the models that fit, as plain lines (renderers add markup). */
      kind: 'runnable';
      title: string;
      groups: { name: string; lines: string[] }[];
      note: string;
      answer: RunnableAnswer;
      ephemeral: boolean;
    };

export interface GpuRow {
  id: string;
  name: string;
  memoryGiB: number;
  usableGiB: number;
  bandwidthGBs: number;
  group: string;
}

export interface ModelRow {
  id: string;
  name: string;
  paramsB: number;
  activeB: number | null;
  context: number;
  notes: string;
}

export interface Command {
  name: string;
  description: string;
  options: readonly OptionDecl[];
  /** One-line usage and examples, shown by help in every adapter. */
  usage: string;
  examples: readonly string[];
  run(input: CommandInput): Reply;
}

export type { Fit };
