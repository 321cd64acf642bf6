import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rotaCommand } from '../../src/commands/clusters/rota-command';
import { schoolCommand } from '../../src/commands/clusters/school-command';
import type { CommandServices } from '../../src/commands/command-services';
import { textReply } from '../../src/commands/reply';
import { defineCommandWithSubcommands, nothingAfter, subcommand } from '../../src/commands/subcommands';

const invocation = {
  actor: { userId: '29:a', name: 'A' },
  conversation: { tenantId: 't', conversationId: '19:c', scope: 'channel' as const, teamId: '19:t' },
};
const services = {} as CommandServices;

const greet = defineCommandWithSubcommands({
  name: 'greet',
  description: 'Greets.',
  examples: ['/greet', '/greet loudly Sam'],
  audience: 'anyone',
  otherwise: subcommand({
    name: 'show',
    usage: '[name]',
    args: z.string().refine((t) => !/\d/.test(t), 'names have no digits'),
    handle: async ({ args }) => textReply(`Hello ${args || 'there'}`),
  }),
  subcommands: [
    subcommand({
      name: 'loudly',
      aliases: ['shout'],
      usage: 'loudly <name>',
      args: z.string().trim().min(1, 'say who to greet'),
      handle: async ({ args }) => textReply(`HELLO ${args.toUpperCase()}`),
    }),
    subcommand({
      name: 'quietly',
      usage: 'quietly',
      args: nothingAfter,
      handle: async () => textReply('hi'),
    }),
  ],
});

describe('a command made of subcommands', () => {
  it('has its usage line made from its subcommands', () => {
    expect(greet.usage).toBe('/greet [name] | loudly <name> | quietly');
    expect(rotaCommand.usage).toBe(
      '/rota [year] | ics | swap <meeting> and <meeting> | pass <meeting> | skip <meeting> | move <meeting> to <date> [hh:mm-hh:mm] | venue <meeting> at <place> | board yearly|termly|<school> | reminders <hh:mm> | history',
    );
    expect(schoolCommand.usage).toBe(
      '/school list | add <name>, <urn>, <head> | import [network] + CSV lines | leave <school> | link <school> @person [as head|deputy|staff|observer|lead]',
    );
  });

  it('routes the first word (or an alias) to its subcommand, and anything else to the default', async () => {
    expect(await greet.run('shout Sam', invocation, [], services)).toEqual({
      ok: true,
      reply: textReply('HELLO SAM'),
    });
    expect(await greet.run('Sam', invocation, [], services)).toEqual({
      ok: true,
      reply: textReply('Hello Sam'),
    });
  });

  it("says what is wrong with a subcommand's text, with that subcommand's usage", async () => {
    expect(await greet.run('loudly', invocation, [], services)).toEqual({
      ok: false,
      problems: ['say who to greet'],
      usage: '/greet loudly <name>',
    });
    expect(await greet.run('quietly please', invocation, [], services)).toEqual({
      ok: false,
      problems: ['this takes nothing after it'],
      usage: '/greet quietly',
    });
  });

  it('names the subcommands when the first word is none of them', async () => {
    expect(await greet.run('r2d2 now', invocation, [], services)).toEqual({
      ok: false,
      problems: ['"r2d2" is not something /greet does (loudly, quietly)'],
      usage: '/greet [name] | loudly <name> | quietly',
    });
  });
});
