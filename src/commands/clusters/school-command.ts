import { z } from 'zod';
import { renderSchoolAddCard } from '../../cards/school-add-card';
import { renderSchoolImportCard } from '../../cards/school-import-card';
import { renderSchoolsCard } from '../../cards/schools-card';
import type { ClusterRole } from '../../domain/clusters/cluster';
import { answersForSchool } from '../../domain/clusters/who-may';
import { formatLocalDate } from '../../domain/time/london-time';
import { CARD_VERBS } from '../card-commands';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';

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

const SchoolArgs = z.string().transform((raw, ctx) => {
  const [first = '', ...restLines] = raw.split('\n');
  const match = /^(\S+)\s*(.*)$/.exec(first.trim());
  const action = match?.[1]?.toLowerCase() ?? 'list';
  const rest = (match?.[2] ?? '').trim();
  switch (action) {
    case 'list':
      return { action: 'list' as const };
    case 'import': {
      const csv = restLines.join('\n').trim();
      // Without pasted lines, show the import card (a box to paste the roster into).
      if (!csv) return { action: 'import-card' as const, network: rest };
      return { action: 'import' as const, network: rest || undefined, csv };
    }
    case 'add': {
      // Without details, show the add-a-school card.
      if (!rest) return { action: 'add-card' as const };
      const [name = '', urn = '', head = ''] = rest.split(',').map((p) => p.trim());
      if (!name) {
        ctx.addIssue({ code: 'custom', message: "give the school's name, then optionally its URN and head" });
        return z.NEVER;
      }
      if (urn && !/^\d{6}$/.test(urn)) {
        ctx.addIssue({ code: 'custom', message: `"${urn}" is not a URN (a URN is 6 digits)` });
        return z.NEVER;
      }
      return { action: 'add' as const, name, urn: urn || undefined, headName: head || undefined };
    }
    case 'leave':
      if (!rest) {
        ctx.addIssue({ code: 'custom', message: 'say which school is leaving' });
        return z.NEVER;
      }
      return { action: 'leave' as const, school: rest };
    case 'link': {
      // "/school link Earlsdon @Priya Shah as deputy" (role: head, deputy, staff, observer or lead)
      const withoutMentions = rest
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
      return { action: 'link' as const, school: school || undefined, role };
    }
    default:
      ctx.addIssue({
        code: 'custom',
        message: `"${action}" is not something /school does (list, add, import, leave, link)`,
      });
      return z.NEVER;
  }
});

export const schoolCommand = defineCommand({
  name: 'school',
  aliases: ['schools'],
  description:
    'Lists member schools; cluster leads add, import (CSV or GIAS), link heads to, and record leaving schools.',
  usage:
    '/school list | add <name>, <urn>, <head> | import [network] + CSV lines | leave <school> | link <school> @person',
  examples: [
    '/school list',
    '/school add Earlsdon Primary, 103704, Jo Smith',
    '/school leave Earlsdon',
    '/school import Roots',
  ],
  audience: 'cluster-member',
  args: SchoolArgs,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    switch (args.action) {
      case 'list': {
        const view = await services.rota.view(place);
        return replyTo(view, ({ cluster }) => {
          const schools = [...cluster.schools].sort((a, b) => a.position - b.position);
          const heads = new Map(cluster.people.filter(answersForSchool).map((p) => [p.schoolId, p.name]));
          return cardReply(
            renderSchoolsCard({
              title: `${cluster.profile.name}: member schools`,
              summary: schools.length
                ? `${schools.filter((s) => !s.leftOn).length} members, in rota order.`
                : 'No schools yet. A cluster lead can add them with /school import or /school add.',
              schools: schools.map((s) => ({
                name: s.leftOn ? `${s.name} (left)` : s.name,
                detail: [
                  s.urn ? `URN ${s.urn}` : 'no URN',
                  heads.get(s.id)
                    ? `linked: ${heads.get(s.id)}`
                    : s.headName
                      ? `head: ${s.headName}`
                      : undefined,
                  s.joinedOn ? `joined ${formatLocalDate(s.joinedOn)}` : undefined,
                  s.leftOn ? `left ${formatLocalDate(s.leftOn)}` : undefined,
                ]
                  .filter(Boolean)
                  .join(' · '),
              })),
            }),
            `${cluster.profile.name} schools`,
          );
        });
      }
      case 'add-card':
        return cardReply(
          renderSchoolAddCard({
            title: 'Add a member school',
            explanation:
              'A school that joins now takes its place in the rota for future meetings. Only cluster leads can add schools.',
            verb: CARD_VERBS.addSchool,
          }),
          'Add a member school',
        );
      case 'import-card':
        return cardReply(
          renderSchoolImportCard({
            title: 'Import member schools',
            explanation:
              'Paste a roster: "school,urn,head" (URN and head may be empty), a "network,school" file such as ' +
              "Coventry's, or a GIAS export. Every row is checked first: if any row is wrong nothing is imported, " +
              'and importing the same file again changes nothing. Only cluster leads can import.',
            network: args.network,
            csv: '',
            verb: CARD_VERBS.importRoster,
          }),
          'Import member schools',
        );
      case 'import': {
        const outcome = await services.rosterImport.importRoster(place, args.csv, actor, args.network);
        return replyTo(outcome, (report) => {
          const skipped = report.skipped.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
          return textReply(
            `Imported ${report.added.length} school(s)${report.network ? ` of ${report.network}` : ''}` +
              `${report.unchanged ? `; ${report.unchanged} already in the cluster, left as they were` : ''}.` +
              `${skipped ? ` Skipped ${skipped}.` : ''}` +
              (report.added.length ? `\n\n${report.added.map((s) => s.name).join(', ')}` : ''),
          );
        });
      }
      case 'add': {
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
      }
      case 'leave': {
        const outcome = await services.schools.leave(place, args.school, actor);
        return replyTo(outcome, (school) =>
          textReply(
            `**${school.name}** has left the cluster. Its past meetings stay on the record; it is taken out of future meetings, ` +
              'and the rota has moved on to the next schools.',
          ),
        );
      }
      case 'link': {
        const person = invocation.mentions?.[0];
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
      }
    }
  },
});
