import { z } from 'zod';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { textReply } from '../reply';
import { replyTo } from './outcome-reply';

/** A head links themselves to their school, so they can answer for it. */
export const joinCommand = defineCommand({
  name: 'join',
  description: 'Links you to your school in this cluster, as its head teacher.',
  usage: '/join <school>',
  examples: ['/join Earlsdon'],
  audience: 'cluster-member',
  args: z.string().trim().min(1, 'say which school you lead, e.g. /join Earlsdon'),
  async handle({ args, invocation, services }) {
    const actor = actorOf(invocation);
    const outcome = await services.schools.linkPerson(placeOf(invocation), actor, args, 'head', actor);
    return replyTo(outcome, ({ school }) =>
      textReply(`Thanks, ${actor.name}: you are linked to **${school?.name}** as its head teacher.`),
    );
  },
});
