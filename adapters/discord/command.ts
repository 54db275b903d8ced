// The Discord application command, derived from the declarations in commands/ (one source of truth):
// what `npm run register` deploys, and how the core reads the options Discord sends back.
import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
} from './api.ts';
import type { Command, OptionDecl, OptionType } from '../../commands/types.ts';
import { vram } from '../../commands/vram.ts';
import { LIMITS } from './limits.ts';

/** Discord answers everything through `/vram`: help, gpus and models are words of its query. */
export const DISCORD_COMMAND: Command = vram;

export const OPTION_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const satisfies Record<
  OptionType,
  (typeof ApplicationCommandOptionType)[keyof typeof ApplicationCommandOptionType]
>;

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

export class CommandDefinitionError extends Error {}

/** The body of the bulk-overwrite PUT. Throws CommandDefinitionError if a declaration breaks Discord's rules. */
export function buildCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const cmd = DISCORD_COMMAND;
  check(NAME.test(cmd.name), `command name "${cmd.name}" must be 1-32 lower-case letters, digits, - or _`);
  checkDescription(cmd.name, cmd.description);
  check(cmd.options.length <= LIMITS.command.options, `/${cmd.name} has more than 25 options`);
  const firstOptional = cmd.options.findIndex((o) => !o.required);
  check(
    firstOptional === -1 || cmd.options.slice(firstOptional).every((o) => !o.required),
    `/${cmd.name}: required options must come before optional ones`,
  );
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: cmd.name,
      description: cmd.description,
      options: cmd.options.map(optionJson),
      // Installable to servers and to users; usable in servers, the bot's DMs and group DMs.
      integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      contexts: [
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ],
    },
  ];
}

function optionJson(o: OptionDecl): APIApplicationCommandOption {
  check(NAME.test(o.name), `option name "${o.name}" must be 1-32 lower-case letters, digits, - or _`);
  checkDescription(o.name, o.description);
  // Discord rejects an option with both choices and autocomplete.
  check(!(o.choices && o.autocomplete), `option ${o.name}: choices and autocomplete exclude each other`);
  const required = o.required ?? false;
  switch (o.type) {
    case 'string':
      return {
        type: ApplicationCommandOptionType.String,
        name: o.name,
        description: o.description,
        required,
        ...(o.choices ? { choices: choices(o, (c) => c) } : {}),
        ...(o.autocomplete ? { autocomplete: true } : {}),
        ...(o.min !== undefined ? { min_length: o.min } : {}),
        ...(o.max !== undefined ? { max_length: o.max } : {}),
      } as APIApplicationCommandOption;
    case 'integer':
      return {
        type: ApplicationCommandOptionType.Integer,
        name: o.name,
        description: o.description,
        required,
        ...(o.choices ? { choices: choices(o, Number) } : {}),
        ...(o.autocomplete ? { autocomplete: true } : {}),
        ...(o.min !== undefined ? { min_value: o.min } : {}),
        ...(o.max !== undefined ? { max_value: o.max } : {}),
      } as APIApplicationCommandOption;
    case 'boolean':
      return {
        type: ApplicationCommandOptionType.Boolean,
        name: o.name,
        description: o.description,
        required,
      };
  }
}

function choices<T>(o: OptionDecl, value: (c: string) => T): { name: string; value: T }[] {
  const list = o.choices ?? [];
  check(list.length <= LIMITS.command.choices, `option ${o.name} has more than 25 choices`);
  return list.map((c) => ({ name: c, value: value(c) }));
}

function checkDescription(what: string, d: string): void {
  check(
    d.length >= 1 && d.length <= LIMITS.command.description,
    `the description of ${what} must be 1-${LIMITS.command.description} characters (it is ${d.length})`,
  );
}

function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new CommandDefinitionError(message);
}

export type OptionValues = Record<string, string | number | boolean>;

/** A command option as Discord sends it (interaction data.options). */
export interface OptionIn {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

/**
 * Discord's options -> the command's input: `query` becomes the text, the other declared options are
 * kept when their type matches the declaration (a stale registration cannot smuggle in a wrong type).
 */
export function readOptions(raw: readonly OptionIn[] | undefined): { text: string; options: OptionValues } {
  const options: OptionValues = {};
  for (const decl of DISCORD_COMMAND.options) {
    const o = raw?.find((x) => x.name === decl.name);
    if (!o || o.type !== OPTION_TYPE[decl.type] || o.value === undefined) continue;
    const ok =
      decl.type === 'boolean'
        ? typeof o.value === 'boolean'
        : decl.type === 'integer'
          ? typeof o.value === 'number' && Number.isInteger(o.value)
          : typeof o.value === 'string';
    if (ok) options[decl.name] = o.value;
  }
  const { query, ...rest } = options;
  return { text: typeof query === 'string' ? query : '', options: rest };
}
