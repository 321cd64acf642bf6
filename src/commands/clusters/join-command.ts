import { z } from 'zod';
import { renderJoinCard } from '../../cards/join-card';
import { CARD_VERBS } from '../card-commands';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { replyTo } from './outcome-reply';

/** A head links themselves to their school, so they can answer for it (typed, or on a card). */
export const joinCommand = defineCommand({
  name: 'join',
  description: 'Links you to your school in this cluster, as its head teacher.',
  usage: '/join [school]',
  examples: ['/join', '/join Earlsdon'],
  audience: 'cluster-member',
  args: z.string().trim(),
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    if (!args) {
      const view = await services.rota.view(place);
      return replyTo(view, ({ cluster }) =>
        cardReply(
          renderJoinCard({
            title: `Join ${cluster.profile.name}`,
            explanation:
              'Choose the school you lead. You can then answer meeting invitations for it, and change the rota for meetings it hosts.',
            schools: cluster.schools
              .filter((s) => !s.leftOn)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((s) => ({ name: s.name })),
            verb: CARD_VERBS.joinSchool,
          }),
          `Join ${cluster.profile.name}`,
        ),
      );
    }
    const outcome = await services.schools.linkPerson(place, actor, args, 'head', actor);
    return replyTo(outcome, ({ school }) =>
      textReply(`Thanks, ${actor.name}: you are linked to **${school?.name}** as its head teacher.`),
    );
  },
});
