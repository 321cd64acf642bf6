import { z } from 'zod';
import { renderRotaCard } from '../../cards/rota-card';
import { renderRotaDownloadCard } from '../../cards/rota-download-card';
import { parseAcademicYear } from '../../domain/calendar/academic-year';
import { type MeetingRef, parseMeetingRef } from '../../domain/rota/meeting-ref';
import { parseUkDate } from '../../domain/time/local-date';
import { formatLondon } from '../../domain/time/london-time';
import type { RotaChangeOrder } from '../../services/rota-service';
import { actorOf, defineCommand, placeOf } from '../command-definition';
import { cardReply, textReply } from '../reply';
import { problemReply, replyTo } from './outcome-reply';
import { defaultYear, presentRota } from './rota-presenter';

type RotaArgs =
  | { action: 'show'; year?: string }
  | { action: 'ics' }
  | { action: 'history' }
  | { action: 'board'; choice: string }
  | { action: 'reminders'; time: string }
  | { action: 'change'; order: RotaChangeOrder };

const MEETING_HINT = 'name meetings by half term, e.g. "autumn 2" or "spring 1 2027-28"';

function meeting(text: string, ctx: z.RefinementCtx): MeetingRef | undefined {
  const ref = parseMeetingRef(text);
  if (!ref) ctx.addIssue({ code: 'custom', message: `"${text}" is not a meeting: ${MEETING_HINT}` });
  return ref;
}

const Args = z.string().transform((raw, ctx): RotaArgs => {
  const text = raw.trim();
  const [word = '', ...restWords] = text.split(/\s+/);
  const rest = restWords.join(' ');
  const action = word.toLowerCase();
  if (!text) return { action: 'show' };
  const year = parseAcademicYear(text);
  if (year) return { action: 'show', year };
  if (action === 'ics' || action === 'calendar') return { action: 'ics' };
  if (action === 'history' || action === 'changes') return { action: 'history' };
  if (action === 'board') {
    if (!rest)
      ctx.addIssue({
        code: 'custom',
        message: 'say "yearly", "termly" or the school that represents the cluster',
      });
    return {
      action: 'board',
      choice: rest.toLowerCase() === 'yearly' || rest.toLowerCase() === 'termly' ? rest.toLowerCase() : rest,
    };
  }
  if (action === 'reminders') {
    const match = /^(\d{1,2})[:.](\d{2})$/.exec(rest.trim());
    const time = match ? `${match[1]?.padStart(2, '0')}:${match[2]}` : '';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      ctx.addIssue({
        code: 'custom',
        message: 'give the time reminders go out, in 24-hour form, e.g. 08:30',
      });
      return z.NEVER as never;
    }
    return { action: 'reminders', time };
  }
  if (action === 'swap') {
    const [a = '', b = ''] = rest.split(/\s+(?:and|with|&)\s+|,/i).map((p) => p.trim());
    const first = meeting(a, ctx);
    const second = meeting(b, ctx);
    return first && second
      ? { action: 'change', order: { kind: 'swap', first, second } }
      : (z.NEVER as never);
  }
  if (action === 'pass' || action === 'skip') {
    const ref = meeting(rest, ctx);
    return ref ? { action: 'change', order: { kind: action, meeting: ref } } : (z.NEVER as never);
  }
  if (action === 'move') {
    const match = /^(.+?)\s+to\s+(\S+)(?:\s+(\d{1,2}[:.]\d{2})\s*(?:-|–|to)\s*(\d{1,2}[:.]\d{2}))?$/i.exec(
      rest,
    );
    const ref = match ? meeting(match[1] ?? '', ctx) : undefined;
    const date = match ? parseUkDate(match[2] ?? '') : undefined;
    if (!match)
      ctx.addIssue({
        code: 'custom',
        message: 'say which meeting and the new date, e.g. "autumn 2 to 19/11/2026 09:30-11:30"',
      });
    else if (!date) ctx.addIssue({ code: 'custom', message: `"${match[2]}" is not a date (use 19/11/2026)` });
    if (!ref || !date) return z.NEVER as never;
    const time = (t?: string) => (t ? t.replace('.', ':').padStart(5, '0') : undefined);
    const startTime = time(match?.[3]);
    const endTime = time(match?.[4]);
    return {
      action: 'change',
      order: {
        kind: 'move',
        meeting: ref,
        date,
        ...(startTime ? { startTime } : {}),
        ...(endTime ? { endTime } : {}),
      },
    };
  }
  if (action === 'venue') {
    const match = /^((?:\d{4}\S*\s+)?\S+\s*[12](?:\s+\d{4}\S*)?)\s+(?:at\s+)?(.+)$/i.exec(rest);
    const ref = match ? meeting(match[1] ?? '', ctx) : undefined;
    if (!match)
      ctx.addIssue({
        code: 'custom',
        message: 'say which meeting and where, e.g. "spring 1 at Earlsdon school hall"',
      });
    const venue = (match?.[2] ?? '').trim();
    if (venue.length > 200) ctx.addIssue({ code: 'custom', message: 'keep the venue under 200 characters' });
    return ref && venue
      ? { action: 'change', order: { kind: 'venue', meeting: ref, venue } }
      : (z.NEVER as never);
  }
  ctx.addIssue({
    code: 'custom',
    message: `"${word}" is not something /rota does (a year, ics, swap, pass, skip, move, venue, board, reminders, history)`,
  });
  return z.NEVER as never;
});

export const rotaCommand = defineCommand({
  name: 'rota',
  description:
    'Shows who hosts, chairs and minutes each meeting; leads and affected hosts swap, pass, skip or move meetings.',
  usage:
    '/rota [year] | ics | swap <meeting> and <meeting> | pass <meeting> | skip <meeting> | move <meeting> to <date> [hh:mm-hh:mm] | venue <meeting> at <place> | board yearly|termly|<school> | reminders <hh:mm> | history',
  examples: [
    '/rota',
    '/rota 2027-28',
    '/rota swap autumn 2 and spring 1',
    '/rota ics',
    '/rota move summer 1 to 04/05/2027',
  ],
  audience: 'cluster-member',
  args: Args,
  async handle({ args, invocation, services }) {
    const place = placeOf(invocation);
    const actor = actorOf(invocation);
    switch (args.action) {
      case 'show': {
        const view = await services.rota.view(place);
        return replyTo(view, ({ cluster, rota }) => {
          const year = args.year ?? defaultYear(rota);
          if (!year) {
            return textReply(
              `The rota of **${cluster.profile.name}** is empty: it needs member schools (**/school import**) and term dates (**/terms 2026-27** …).`,
            );
          }
          const card = presentRota(cluster, rota, year, services.rotaLink(cluster.profile.id));
          return cardReply(renderRotaCard(card), `${cluster.profile.name} rota ${year}`);
        });
      }
      case 'ics': {
        const view = await services.rota.view(place);
        return replyTo(view, ({ cluster }) =>
          cardReply(
            renderRotaDownloadCard({
              title: `${cluster.profile.name} meetings calendar`,
              explanation:
                'Download the rota as a calendar file and open it in Outlook or Google Calendar. Importing it again later updates the meetings instead of adding copies. The link works for 7 days.',
              url: services.rotaLink(cluster.profile.id),
            }),
            `${cluster.profile.name} calendar file`,
          ),
        );
      }
      case 'history': {
        const history = await services.rota.history(place);
        return replyTo(history, ({ cluster, changes: log }) => {
          if (log.length === 0) return textReply('No changes have been recorded yet.');
          return textReply(
            `**Changes to ${cluster.profile.name}** (latest first)\n\n${log.map((c) => `- ${formatLondon(c.at)}, ${c.byName}: ${c.summary}`).join('\n')}`,
          );
        });
      }
      case 'reminders': {
        const outcome = await services.rota.setReminderTime(place, args.time, actor);
        return replyTo(outcome, ({ summary }) => textReply(`${summary} (changed by ${actor.name})`));
      }
      case 'board': {
        if (!args.choice) return problemReply('say "yearly", "termly" or a school');
        const outcome = await services.rota.setBoardRep(place, args.choice, actor);
        return replyTo(outcome, ({ summary }) => textReply(`${summary} (changed by ${actor.name})`));
      }
      case 'change': {
        const outcome = await services.rota.change(place, args.order, actor);
        return replyTo(outcome, ({ summary }) => textReply(`**Rota change** by ${actor.name}: ${summary}`));
      }
    }
  },
});
