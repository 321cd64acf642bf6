import { z } from 'zod';
import { renderActionsCard } from '../../cards/actions-card';
import { withRefresh } from '../../cards/card-refresh';
import {
  type ActionFilter,
  type ActionStatus,
  isOverdue,
  matches,
  overview,
  STATUS_WORDS,
} from '../../domain/actions/cluster-action';
import { findSchool, schoolNamer } from '../../domain/clusters/cluster';
import { parseUkDate } from '../../domain/time/local-date';
import { formatLocalDate } from '../../domain/time/london-time';
import { CARD_VERBS, refreshOf } from '../card-commands';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';

const STATUSES: Record<string, ActionStatus> = {
  open: 'open',
  reopen: 'open',
  'in progress': 'in-progress',
  started: 'in-progress',
  done: 'done',
  complete: 'done',
  completed: 'done',
  dropped: 'dropped',
  drop: 'dropped',
};

/** "/action add <what>; <owner school>; <due date>" or "/action A3 done". */
const ActionArgs = z.string().transform((raw, ctx) => {
  const text = raw.replace(/<at>[^<]*<\/at>/gi, '').trim();
  const add = /^add\s+([\s\S]+)$/i.exec(text);
  if (add) {
    const [title = '', school = '', dueText = ''] = (add[1] ?? '').split(';').map((p) => p.trim());
    const due = parseUkDate(dueText);
    if (!title || !school || !dueText) {
      ctx.addIssue({
        code: 'custom',
        message: 'give what is to be done, the owner school and the due date, separated by semicolons',
      });
      return z.NEVER;
    }
    if (!due) {
      ctx.addIssue({ code: 'custom', message: `"${dueText}" is not a date (use 11/12/2026)` });
      return z.NEVER;
    }
    return { kind: 'add' as const, title, school, due };
  }
  const update = /^(a\d+)\s+(.+)$/i.exec(text);
  const status = update ? STATUSES[(update[2] ?? '').toLowerCase().replace(/-/g, ' ').trim()] : undefined;
  if (update && status) return { kind: 'status' as const, id: (update[1] ?? '').toUpperCase(), status };
  ctx.addIssue({
    code: 'custom',
    message:
      'say "add <what>; <owner school>; <due date>", or an action and its new status, e.g. "A3 done" (open, in progress, done, dropped)',
  });
  return z.NEVER;
});

export const actionCommand = defineCommand({
  name: 'action',
  description: "Adds an action (what, owner school, due date, optional @owner) or updates one's status.",
  usage:
    '/action add <what>; <owner school>; <due date> [@person] | /action <id> open|in progress|done|dropped',
  examples: ['/action add Share the phonics audit template; Earlsdon; 11/12/2026', '/action A3 done'],
  audience: 'cluster-member',
  args: ActionArgs,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    if (args.kind === 'add') {
      const owner = invocation.mentions?.[0];
      const outcome = await services.actions.add(
        place,
        { title: args.title, school: args.school, due: args.due, ...(owner ? { ownerPerson: owner } : {}) },
        actor,
      );
      return replyTo(outcome, (action) =>
        textReply(
          `Added **${action.id}**: ${action.title}, due ${formatLocalDate(action.due)}. Owners update it with **/action ${action.id} done**.`,
        ),
      );
    }
    const outcome = await services.actions.setStatus(place, args.id, args.status, actor);
    return replyTo(outcome, (action) =>
      textReply(`**${action.id}** is now ${STATUS_WORDS[action.status]} (updated by ${actor.name}).`),
    );
  },
});

/** "/actions", "/actions mine", "/actions overdue", "/actions school Earlsdon", "/actions this half term". */
export const actionsCommand = defineCommand({
  name: 'actions',
  readsInPersonalChat: true,
  description: "Shows the cluster's actions at a glance: counts by status, overdue first, with filters.",
  usage: '/actions [mine | overdue | school <name> | this half term]',
  examples: ['/actions', '/actions overdue', '/actions school Earlsdon'],
  audience: 'cluster-member',
  args: z.string().trim().toLowerCase(),
  async handle({ args, invocation, services }) {
    const result = await services.actions.all(placeOf(invocation));
    if (!result.ok) return problemReply(result.problem);
    const { cluster, today } = result.value;
    let filter: ActionFilter = { kind: 'all' };
    let label = 'all actions';
    if (args === 'mine') {
      const me = cluster.people.find((p) => p.userId === invocation.actor.userId);
      filter = {
        kind: 'mine',
        userId: invocation.actor.userId,
        ...(me?.schoolId ? { schoolId: me.schoolId } : {}),
      };
      label = 'your actions';
    } else if (args === 'overdue') {
      filter = { kind: 'overdue' };
      label = 'overdue actions';
    } else if (args.startsWith('school ')) {
      const school = findSchool(cluster.schools, args.slice(7));
      if (!school || Array.isArray(school))
        return problemReply(`no member school matches "${args.slice(7)}"`);
      filter = { kind: 'school', schoolId: school.id };
      label = `${school.name}'s actions`;
    } else if (args === 'this half term') {
      const calendar = cluster.calendars
        .flatMap((c) => c.halfTerms)
        .find((h) => h.start <= today && today <= h.end);
      if (!calendar) return problemReply('today is not inside a half term with dates set');
      filter = { kind: 'due-between', from: calendar.start, to: calendar.end };
      label = 'actions due this half term';
    } else if (args) {
      return problemReply(`"${args}" is not a filter: use mine, overdue, school <name> or this half term`);
    }
    const chosen = cluster.actions.filter((a) => matches(a, filter, today));
    const { counts, ordered } = overview(chosen, today);
    const schoolName = schoolNamer(cluster);
    return cardReply(
      withRefresh(
        renderActionsCard({
          title: `${cluster.profile.name}: ${label}`,
          summary: chosen.length
            ? `${counts.overdue} overdue · ${counts.open} open · ${counts['in-progress']} in progress · ${counts.done} done · ${counts.dropped} dropped`
            : 'No actions here yet. Add one with /action add <what>; <owner school>; <due date>.',
          actions: ordered.map((a) => ({
            id: a.id,
            heading: `${a.id} · ${a.title}`,
            colour: isOverdue(a, today) ? 'Attention' : a.status === 'done' ? 'Good' : 'Default',
            owner: `${schoolName(a.ownerSchoolId)}${a.ownerPerson ? ` (${a.ownerPerson.name})` : ''}`,
            due: `${formatLocalDate(a.due)}${isOverdue(a, today) ? ' (overdue)' : ''}`,
            status: STATUS_WORDS[a.status],
            open: a.status === 'open' || a.status === 'in-progress',
            verb: CARD_VERBS.actionStatus,
          })),
          footer:
            'Owners (the school, or the person named) and cluster leads update actions with the buttons or /action <id> done.',
          filter: args,
        }),
        refreshOf(cluster, { view: 'actions', filter: args }),
      ),
      `${cluster.profile.name} actions`,
    );
  },
});
