import { z } from 'zod';
import { renderErasureCard, renderExportCard } from '../../cards/privacy-cards';
import type { Outcome } from '../../domain/outcome';
import type { ErasurePlan } from '../../domain/privacy/erasure-plan';
import type { ErasureSubject } from '../../services/erasure-service';
import { erasureCardData, exportCardData, retentionReport } from '../../views/privacy-view';
import { actorOf, type Invocation, placeOf } from '../command-definition';
import type { CommandServices } from '../command-services';
import { cardReply, textReply } from '../reply';
import { defineCommandWithSubcommands, nothingAfter, subcommand } from '../subcommands';
import { problemReply, replyTo } from './outcome-reply';
import { replyPrivately } from './private-draft';

const words = (what: string) =>
  z
    .string()
    .transform((t) =>
      t
        .replace(/<at>[^<]*<\/at>/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .refine(Boolean, what);

/** Export links open everything stored about someone: they go to the asker's personal chat only. */
function exportReply(
  invocation: Invocation,
  services: CommandServices,
  whom: string,
  links: { json: string; html: string },
  summary: string,
) {
  return replyPrivately(
    invocation,
    services,
    { card: renderExportCard(exportCardData(whom, links)), summary },
    {
      sent: `I've sent you the links to everything stored about ${whom} in our personal chat: they work for an hour.`,
      why: `these links open everything stored about ${whom}, so they are never posted here`,
    },
  );
}

const exportData = subcommand({
  name: 'export',
  usage: 'export <school> | export me',
  args: words('say which school, or "me" for yourself'),
  async handle({ args, invocation, services }) {
    const actor = actorOf(invocation);
    if (/^me$/i.test(args)) {
      const links = services.exportLinks({
        kind: 'person',
        tenantId: invocation.conversation.tenantId,
        userId: actor.userId,
      });
      return exportReply(invocation, services, 'you', links, 'Your data export');
    }
    const outcome = await services.privacyExports.schoolToExport(placeOf(invocation), args, actor);
    if (!outcome.ok) return problemReply(outcome.problem);
    const { clusterId, school } = outcome.value;
    const links = services.exportLinks({ kind: 'school', clusterId, schoolId: school.id });
    return exportReply(invocation, services, school.name, links, `Data export for ${school.name}`);
  },
});

const erase = subcommand({
  name: 'erase',
  usage: 'erase <school that has left>',
  args: words('say which school that has left'),
  async handle({ args, invocation, services }) {
    const actor = actorOf(invocation);
    const subject = services.erasures.schoolSubject(placeOf(invocation), args, actor);
    return erasureReply(await services.erasures.plan(await subject, actor));
  },
});

const forget = subcommand({
  name: 'forget',
  usage: 'forget @person | forget me',
  args: z.string().transform((t) => t.replace(/<at>[^<]*<\/at>/gi, ' ').trim()),
  async handle({ args, invocation, services }) {
    const actor = actorOf(invocation);
    const person = /^me$/i.test(args) ? { userId: actor.userId, name: actor.name } : invocation.mentions?.[0];
    if (!person) return problemReply('@mention the person to forget, or say "me"');
    const subject = services.erasures.personSubject(placeOf(invocation), person, actor);
    return erasureReply(await services.erasures.plan(await subject, actor));
  },
});

/** The card that shows what will go and what stays, with the button that does it. */
const erasureReply = (planned: Outcome<{ subject: ErasureSubject; plan: ErasurePlan }>) =>
  replyTo(planned, ({ subject, plan }) =>
    cardReply(renderErasureCard(erasureCardData(subject, plan, false)), `${subject.label}: erase?`),
  );

const retention = subcommand({
  name: 'retention',
  usage: 'retention',
  args: nothingAfter,
  async handle({ invocation, services }) {
    const outcome = await services.retention.report(placeOf(invocation), actorOf(invocation));
    return replyTo(outcome, ({ rules, due }) => textReply(retentionReport(rules, due)));
  },
});

export const privacyCommand = defineCommandWithSubcommands({
  name: 'privacy',
  description:
    'Data protection: export what is stored about a school or you, erase a school that has left, forget a person, retention.',
  examples: [
    '/privacy export me',
    '/privacy export Earlsdon',
    '/privacy erase Earlsdon',
    '/privacy forget me',
    '/privacy retention',
  ],
  audience: 'anyone',
  // Rare work for a data-protection request: in /help, not in Teams' short command menu.
  suggested: false,
  otherwise: exportData,
  subcommands: [exportData, erase, forget, retention],
});
