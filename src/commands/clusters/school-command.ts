import { z } from 'zod';
import { withRefresh } from '../../cards/card-refresh';
import { renderSchoolAddCard } from '../../cards/school-add-card';
import { renderSchoolsCard } from '../../cards/schools-card';
import type { ClusterRole } from '../../domain/clusters/cluster';
import { answersForSchool } from '../../domain/clusters/who-may';
import { formatLocalDate } from '../../domain/time/london-time';
import { CARD_VERBS, refreshOf } from '../card-commands';
import { actorOf, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { defineCommandWithSubcommands, nothingAfter, subcommand } from '../subcommands';
import { problemReply, replyTo } from './outcome-reply';
import { schoolImport } from './school-import-subcommand';

const ROLES: Record<string, ClusterRole> = {
  head: 'head',
  'head teacher': 'head',
  deputy: 'staff',
  staff: 'staff',
  observer: 'observer',
  lead: 'cluster-lead',
  'cluster lead': 'cluster-lead',
};

const ROLE_NAMES: Record<ClusterRole, string> = {
  head: 'its head',
  staff: 'a member of staff (deputy or other)',
  observer: 'an observer',
  'cluster-lead': 'a cluster lead',
};

const list = subcommand({
  name: 'list',
  usage: 'list',
  args: nothingAfter,
  async handle({ invocation, services }) {
    const place = placeOf(invocation);
    const view = await services.rota.view(place);
    return replyTo(view, ({ cluster }) => {
      const schools = [...cluster.schools].sort((a, b) => a.position - b.position);
      const heads = new Map(cluster.people.filter(answersForSchool).map((p) => [p.schoolId, p.name]));
      const card = renderSchoolsCard({
        title: `${cluster.profile.name}: member schools`,
        summary: schools.length
          ? `${schools.filter((s) => !s.leftOn).length} members, in rota order.`
          : 'No schools yet. A cluster lead can add them with /school import or /school add.',
        schools: schools.map((s) => ({
          name: s.leftOn ? `${s.name} (left)` : s.name,
          detail: [
            s.urn ? `URN ${s.urn}` : 'no URN',
            heads.get(s.id) ? `linked: ${heads.get(s.id)}` : s.headName ? `head: ${s.headName}` : undefined,
            s.joinedOn ? `joined ${formatLocalDate(s.joinedOn)}` : undefined,
            s.leftOn ? `left ${formatLocalDate(s.leftOn)}` : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
        })),
      });
      return cardReply(
        withRefresh(card, refreshOf(cluster, { view: 'schools' })),
        `${cluster.profile.name} schools`,
      );
    });
  },
});

const add = subcommand({
  name: 'add',
  usage: 'add <name>, <urn>, <head>',
  args: z.string().transform((text, ctx) => {
    const rest = text.trim();
    // Without details, the add-a-school card.
    if (!rest) return undefined;
    const [name = '', urn = '', head = ''] = rest.split(',').map((p) => p.trim());
    if (!name) {
      ctx.addIssue({ code: 'custom', message: "give the school's name, then optionally its URN and head" });
      return z.NEVER;
    }
    if (urn && !/^\d{6}$/.test(urn)) {
      ctx.addIssue({ code: 'custom', message: `"${urn}" is not a URN (a URN is 6 digits)` });
      return z.NEVER;
    }
    return { name, urn: urn || undefined, headName: head || undefined };
  }),
  async handle({ args, invocation, services }) {
    if (!args) {
      return cardReply(
        renderSchoolAddCard({
          title: 'Add a member school',
          explanation:
            'A school that joins now takes its place in the rota for future meetings. Only cluster leads can add schools.',
          verb: CARD_VERBS.addSchool,
        }),
        'Add a member school',
      );
    }
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    const outcome = await services.schools.addSchool(
      place,
      {
        name: args.name,
        ...(args.urn ? { urn: args.urn } : {}),
        ...(args.headName ? { headName: args.headName } : {}),
      },
      actor,
    );
    return replyTo(outcome, (school) =>
      textReply(`**${school.name}** has joined the cluster and enters the rota for future meetings.`),
    );
  },
});

const leave = subcommand({
  name: 'leave',
  usage: 'leave <school>',
  args: z
    .string()
    .transform((t) => t.trim())
    .refine(Boolean, 'say which school is leaving')
    .transform((school) => ({ school })),
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    const outcome = await services.schools.leave(place, args.school, actor);
    return replyTo(outcome, (school) =>
      textReply(
        `**${school.name}** has left the cluster. Its past meetings stay on the record; it is taken out of future meetings, ` +
          'and the rota has moved on to the next schools.',
      ),
    );
  },
});

const link = subcommand({
  name: 'link',
  usage: 'link <school> @person [as head|deputy|staff|observer|lead]',
  // "/school link Earlsdon @Priya Shah as deputy" (role: head, deputy, staff, observer or lead)
  args: z.string().transform((text, ctx) => {
    const withoutMentions = text
      .replace(/<at>[^<]*<\/at>/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const roleMatch =
      /\s*\bas\s+(?:an?\s+)?(head|head teacher|deputy|staff|observer|lead|cluster lead)$/i.exec(
        withoutMentions,
      );
    const role = ROLES[(roleMatch?.[1] ?? 'head').toLowerCase()] ?? 'head';
    const school = (roleMatch ? withoutMentions.slice(0, roleMatch.index) : withoutMentions).trim();
    if (!school && role !== 'cluster-lead' && role !== 'observer') {
      ctx.addIssue({ code: 'custom', message: 'say which school, and @mention the person to link' });
      return z.NEVER;
    }
    return { school: school || undefined, role };
  }),
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    const person = invocation.mentions?.[0];
    const typedName = /@\s*([^@]+)$/.exec(args.school ?? '')?.[1]?.trim();
    if (!person && typedName)
      return problemReply(
        `"@${typedName}" was typed rather than picked: type @, then choose ${typedName} from the list Teams shows, so Teams knows who they are`,
      );
    if (!person) return problemReply('@mention the person to link (for example their head teacher)');
    const outcome = await services.schools.linkPerson(
      place,
      { userId: person.userId, name: person.name },
      args.school,
      args.role,
      actor,
    );
    return replyTo(outcome, ({ school }) =>
      textReply(
        `${person.name} is now linked${school ? ` to **${school.name}**` : ''} as ${ROLE_NAMES[args.role]}.`,
      ),
    );
  },
});

export const schoolCommand = defineCommandWithSubcommands({
  name: 'school',
  aliases: ['schools'],
  description:
    'Lists member schools; cluster leads add, import (CSV or GIAS), link heads to, and record leaving schools.',
  examples: [
    '/school list',
    '/school add Earlsdon Primary, 103704, Jo Smith',
    '/school leave Earlsdon',
    '/school import Roots',
    '/school link Earlsdon @Priya Shah as deputy',
  ],
  audience: 'cluster-member',
  otherwise: list,
  subcommands: [list, add, schoolImport, leave, link],
});
