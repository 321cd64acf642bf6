import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Audience, defineCommand, type Invocation } from '../../src/commands/command-definition';
import { CommandRegistry } from '../../src/commands/command-registry';
import type { CommandServices } from '../../src/commands/command-services';
import { helpCommand } from '../../src/commands/help/help-command';
import { refusalReply, textReply } from '../../src/commands/reply';

const invocation: Invocation = {
  actor: { userId: '29:head', aadObjectId: 'b1f7c3a2-5d4e-4f6a-8b9c-0d1e2f3a4b5c' },
  conversation: { tenantId: 'tenant', conversationId: '19:channel@thread.tacv2', scope: 'channel' },
};

const echoCommand = defineCommand({
  name: 'echo',
  aliases: ['say'],
  description: 'Repeats a number back.',
  usage: '/echo <number>',
  examples: ['/echo 3'],
  audience: 'anyone',
  args: z.string().regex(/^\d+$/, 'give a whole number, such as 3'),
  handle: async ({ args }) => textReply(`you said ${args}`),
});

const leadsOnly = defineCommand({
  name: 'setup',
  description: 'Sets up a cluster.',
  usage: '/setup',
  examples: ['/setup'],
  audience: 'cluster-lead',
  args: z.string(),
  handle: async () => textReply('set up'),
});

const onlyAnyone = async (audience: Audience) => audience === 'anyone';
/** These test commands call no services. */
const noServices = {} as CommandServices;

describe('CommandRegistry', () => {
  const registry = new CommandRegistry([helpCommand, echoCommand, leadsOnly], onlyAnyone, noServices);

  it('routes a command by name or alias, with or without a slash, in any case', async () => {
    for (const text of ['/echo 3', 'echo 3', 'ECHO 3', '/say 3', '<at>Clusterbot</at> /echo 3']) {
      const result = await registry.dispatch(text, invocation);
      expect(result).toEqual({ outcome: 'handled', command: 'echo', reply: textReply('you said 3') });
    }
  });

  it('validates arguments and answers with what was wrong and how to use the command', async () => {
    const result = await registry.dispatch('/echo three', invocation);
    expect(result.outcome).toBe('invalid-arguments');
    expect(result.reply).toEqual(
      refusalReply(
        "I couldn't follow that **/echo**: give a whole number, such as 3.\n\nUse it like this: `/echo <number>`, for example `/echo 3`. Nothing was changed.",
      ),
    );
  });

  it('refuses a command the person may not use, and does not run it', async () => {
    const result = await registry.dispatch('/setup', invocation);
    expect(result.outcome).toBe('forbidden');
    expect(result.reply).toEqual(
      refusalReply(
        'Sorry, **/setup** is only for: cluster leads. Nothing was changed. If you think you should have access, ask your cluster lead.',
      ),
    );
  });

  it('points an unknown command at /help, suggesting a close match', async () => {
    expect((await registry.dispatch('/ehco 3', invocation)).reply).toEqual(
      refusalReply(
        "I don't know the command **/ehco**. Did you mean **/echo**? Type **/help** to see everything I can do.",
      ),
    );
    expect((await registry.dispatch('/weather', invocation)).reply).toEqual(
      refusalReply("I don't know the command **/weather**. Type **/help** to see everything I can do."),
    );
  });

  it('reports a handler that refused (a service said no) as refused, not handled', async () => {
    const refuser = defineCommand({
      ...echoCommand,
      name: 'refuse',
      aliases: [],
      args: z.string(),
      handle: async () => refusalReply('Sorry, no. Nothing was changed.'),
    });
    const result = await new CommandRegistry([refuser], onlyAnyone, noServices).dispatch(
      '/refuse',
      invocation,
    );
    expect(result).toEqual({
      outcome: 'refused',
      command: 'refuse',
      reply: refusalReply('Sorry, no. Nothing was changed.'),
    });
  });

  it('greets an empty message with a pointer to /help', async () => {
    const result = await registry.dispatch('<at>Clusterbot</at>', invocation);
    expect(result).toEqual({
      outcome: 'empty',
      reply: textReply('Hello! Type **/help** to see what I can do.'),
    });
  });

  it('publishes a catalogue of every command for help and the app manifest', () => {
    expect(registry.catalogue.map((c) => [c.name, c.audience])).toEqual([
      ['help', 'anyone'],
      ['echo', 'anyone'],
      ['setup', 'cluster-lead'],
    ]);
    expect(registry.find('/SAY')?.name).toBe('echo');
  });

  it('refuses two commands with the same name or alias', () => {
    const twin = defineCommand({
      ...leadsOnly,
      name: 'say',
      handle: leadsOnly.run as never,
      args: z.string(),
    });
    expect(() => new CommandRegistry([echoCommand, twin], onlyAnyone, noServices)).toThrow(
      'Two commands are called "say"',
    );
  });

  it('refuses names with spaces or capitals, and descriptions Teams would reject', () => {
    const badName = defineCommand({
      ...echoCommand,
      name: 'Rota ICS',
      args: z.string(),
      handle: async () => textReply(''),
    });
    expect(() => new CommandRegistry([badName], onlyAnyone, noServices)).toThrow(
      'is not a valid command name',
    );
    const wordy = defineCommand({
      ...echoCommand,
      description: 'x'.repeat(129),
      args: z.string(),
      handle: async () => textReply(''),
    });
    expect(() => new CommandRegistry([wordy], onlyAnyone, noServices)).toThrow(
      'description is longer than 128 characters',
    );
  });
});
