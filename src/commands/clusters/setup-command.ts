import { z } from 'zod';
import { describePattern, parseMeetingPattern } from '../../domain/calendar/meeting-pattern';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';

const DEFAULT_PATTERN = 'Tuesday of week 3, 13:30-15:30';

/** "/setup Roots; Tuesday of week 3, 13:30-15:30; board rep termly" (only the name is required). */
const SetupArgs = z.string().transform((raw, ctx) => {
  const [name = '', patternText, boardText] = raw.split(/[;\n]/).map((part) => part.trim());
  if (!name) {
    ctx.addIssue({ code: 'custom', message: 'give the cluster a name' });
    return z.NEVER;
  }
  if (name.length > 60) {
    ctx.addIssue({ code: 'custom', message: 'the name can be at most 60 characters' });
    return z.NEVER;
  }
  const pattern = parseMeetingPattern(patternText || DEFAULT_PATTERN);
  if ('problems' in pattern) {
    for (const message of pattern.problems)
      ctx.addIssue({ code: 'custom', message: `meeting pattern: ${message}` });
    return z.NEVER;
  }
  const termly = /term/i.test(boardText ?? '');
  return { name, pattern, boardRep: termly ? ('rotate-termly' as const) : ('rotate-yearly' as const) };
});

export const setupCommand = defineCommand({
  name: 'setup',
  description:
    "Creates this team's cluster: its name, when it meets, and how the board representative rotates.",
  usage: '/setup <name>[; <weekday> of week <n>, <start>-<end>][; board rep yearly|termly]',
  examples: ['/setup Roots', '/setup Roots; Tuesday of week 3, 13:30-15:30; board rep termly'],
  audience: 'anyone',
  suggested: false,
  args: SetupArgs,
  async handle({ args, invocation, services }) {
    if (invocation.conversation.scope === 'personal') {
      return problemReply(
        'a cluster is set up in the team or group chat its heads share, not in a personal chat',
      );
    }
    const outcome = await services.setup.setUp({
      place: placeOf(invocation),
      name: args.name,
      pattern: args.pattern,
      boardRep: { kind: args.boardRep },
      actor: actorOf(invocation),
    });
    return replyTo(outcome, (cluster) =>
      textReply(
        `**${cluster.name}** is set up, and you are its cluster lead.\n\n` +
          `Meetings: ${describePattern(cluster.pattern)} (London time), one each half term. ` +
          `The board representative rotates between member schools each ${args.boardRep === 'rotate-termly' ? 'term' : 'year'}.\n\n` +
          'Next steps:\n' +
          '1. Add schools: **/school import** followed by a CSV (school,urn,head), or **/school add <name>, <urn>, <head>**\n' +
          '2. Set term dates: **/terms 2026-27** followed by the six half terms (half term,start,end)\n' +
          '3. See who hosts when: **/rota**',
      ),
    );
  },
});
