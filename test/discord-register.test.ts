// Command registration: the JSON comes from the declarations in commands/vram.ts, and the bulk PUT
// goes to the guild route (development) or the global one (intercepted with nock).
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { vram } from '../commands/vram.ts';
import { buildCommands, readTarget, registerCommands, RegisterError } from '../scripts/register.ts';

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('buildCommands', () => {
  const [command] = buildCommands();

  it('is one chat-input command, /vram, usable in servers and DMs, installable to servers and users', () => {
    expect(buildCommands()).toHaveLength(1);
    expect(command).toMatchObject({ type: 1, name: 'vram', description: vram.description });
    expect(command!.integration_types).toEqual([0, 1]);
    expect(command!.contexts).toEqual([0, 1, 2]);
  });

  it('mirrors every declared option: name, type, description, choices, autocomplete, bounds', () => {
    const options = command!.options!;
    expect(options.map((o) => o.name)).toEqual(vram.options.map((o) => o.name));
    expect(options[0]!.name).toBe('query');
    const types = { string: 3, integer: 4, boolean: 5 } as const;
    for (const decl of vram.options) {
      const o = options.find((x) => x.name === decl.name) as unknown as Record<string, unknown>;
      expect(o.type).toBe(types[decl.type]);
      expect(o.description).toBe(decl.description);
      expect(o.required).toBe(decl.required ?? false);
      expect(o.autocomplete).toBe(decl.autocomplete ? true : undefined);
      expect(o.choices).toEqual(decl.choices?.map((c) => ({ name: c, value: c })));
      if (decl.type === 'integer') {
        expect(o.min_value).toBe(decl.min);
        expect(o.max_value).toBe(decl.max);
      }
      // Discord refuses an option with both.
      expect(o.choices !== undefined && o.autocomplete === true).toBe(false);
      expect((o.description as string).length).toBeLessThanOrEqual(100);
    }
    expect(options.find((o) => o.name === 'query')).toMatchObject({ type: 3, autocomplete: true });
    expect(options.find((o) => o.name === 'private')).toMatchObject({ type: 5 });
    expect(options.find((o) => o.name === 'context')).toMatchObject({ type: 4, min_value: 1 });
  });
});

describe('registerCommands', () => {
  const target = { token: 'fake-bot-token-123', applicationId: '1000000000000000001' };
  const rest = () => new REST({ version: '10', retries: 0 });

  it('PUTs to the guild route when DISCORD_GUILD_ID is set (instant, for development)', async () => {
    let seen: unknown;
    const scope = nock('https://discord.com', { reqheaders: { authorization: 'Bot fake-bot-token-123' } })
      .put('/api/v10/applications/1000000000000000001/guilds/42/commands', (body) => {
        seen = body;
        return true;
      })
      .reply(200, [{ id: '9', name: 'vram' }]);
    const result = await registerCommands({ ...target, guildId: '42' }, rest());
    expect(result).toEqual({
      route: '/applications/1000000000000000001/guilds/42/commands',
      names: ['vram'],
    });
    expect(seen).toEqual(JSON.parse(JSON.stringify(buildCommands())));
    scope.done();
  });

  it('PUTs globally otherwise, and running it twice is the same overwrite', async () => {
    const scope = nock('https://discord.com')
      .put('/api/v10/applications/1000000000000000001/commands')
      .twice()
      .reply(200, [{ id: '9', name: 'vram' }]);
    const first = await registerCommands(target, rest());
    const second = await registerCommands(target, rest());
    expect(first).toEqual(second);
    expect(first.route).toBe('/applications/1000000000000000001/commands');
    scope.done();
  });

  it('names each missing setting and where to find it', () => {
    expect(() => readTarget({})).toThrow(RegisterError);
    expect(() => readTarget({})).toThrow(/DISCORD_TOKEN .*Bot.* and DISCORD_APPLICATION_ID/);
    expect(() => readTarget({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '  ' })).toThrow(
      /^missing DISCORD_APPLICATION_ID/,
    );
    expect(readTarget({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1', DISCORD_GUILD_ID: '' })).toEqual({
      token: 't',
      applicationId: '1',
    });
    expect(
      readTarget({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1', DISCORD_GUILD_ID: '5' }).guildId,
    ).toBe('5');
  });
});
