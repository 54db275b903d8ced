// npm run register: deploy the /vram command (built from commands/vram.ts) to Discord.
// With DISCORD_GUILD_ID it goes to that server only (instant, for development); without, globally.
// PUT is a bulk overwrite, so running it again is harmless.
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { buildCommands, CommandDefinitionError } from '../adapters/discord/command.ts';

export { buildCommands };

export interface RegisterTarget {
  token: string;
  applicationId: string;
  guildId?: string;
}

/** Missing settings, named with where to find them. */
export function readTarget(env: Record<string, string | undefined>): RegisterTarget {
  const get = (k: string) => env[k]?.trim() || undefined;
  const token = get('DISCORD_TOKEN');
  const applicationId = get('DISCORD_APPLICATION_ID');
  const missing = [
    token ? null : 'DISCORD_TOKEN (Developer Portal > your application > Bot > Reset Token)',
    applicationId
      ? null
      : 'DISCORD_APPLICATION_ID (Developer Portal > your application > General Information)',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) throw new RegisterError(`missing ${missing.join(' and ')}`);
  const guildId = get('DISCORD_GUILD_ID');
  return { token: token!, applicationId: applicationId!, ...(guildId ? { guildId } : {}) };
}

export class RegisterError extends Error {}

/** PUT the commands; returns the route used and the names Discord accepted. */
export async function registerCommands(
  target: RegisterTarget,
  rest: REST = new REST({ version: '10' }),
): Promise<{ route: string; names: string[] }> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const saved = (await rest.setToken(target.token).put(route, { body: buildCommands() })) as {
    name: string;
  }[];
  return { route, names: saved.map((c) => c.name) };
}

async function main(): Promise<void> {
  // Only when run as a script: importing this module (tests) must not read .env.
  await import('dotenv/config');
  try {
    const target = readTarget(process.env);
    const { names } = await registerCommands(target);
    const where = target.guildId ? `to server ${target.guildId} (available now)` : 'globally';
    process.stdout.write(`registered ${names.map((n) => `/${n}`).join(', ')} ${where}\n`);
  } catch (err) {
    const known = err instanceof RegisterError || err instanceof CommandDefinitionError;
    // discord.js errors name the status and Discord's message (e.g. 401: Unauthorized); never the token.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`register failed: ${message}\n`);
    process.exitCode = known ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
