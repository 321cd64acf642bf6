import { z } from 'zod';
import { type MeetingRef, parseMeetingRef } from '../../domain/rota/meeting-ref';
import type { RotaChangeOrder } from '../../domain/rota/rota-change-order';
import { parseUkDate } from '../../domain/time/local-date';

/** The text after /rota swap, pass, skip, move and venue, read into the change it asks for. */
const MEETING_HINT = 'name meetings by half term, e.g. "autumn 2" or "spring 1 2027-28"';

function meeting(text: string, ctx: z.RefinementCtx): MeetingRef | undefined {
  const ref = parseMeetingRef(text.trim());
  if (!ref) ctx.addIssue({ code: 'custom', message: `"${text.trim()}" is not a meeting: ${MEETING_HINT}` });
  return ref;
}

export const SWAP_ARGS = z.string().transform((rest, ctx): RotaChangeOrder => {
  const [a = '', b = ''] = rest.split(/\s+(?:and|with|&)\s+|,/i).map((p) => p.trim());
  const first = meeting(a, ctx);
  const second = meeting(b, ctx);
  return first && second ? { kind: 'swap', first, second } : z.NEVER;
});

const single = (kind: 'pass' | 'skip') =>
  z.string().transform((rest, ctx): RotaChangeOrder => {
    const ref = meeting(rest, ctx);
    return ref ? { kind, meeting: ref } : z.NEVER;
  });
export const PASS_ARGS = single('pass');
export const SKIP_ARGS = single('skip');

export const MOVE_ARGS = z.string().transform((rest, ctx): RotaChangeOrder => {
  const match = /^(.+?)\s+to\s+(\S+)(?:\s+(\d{1,2}[:.]\d{2})\s*(?:-|–|to)\s*(\d{1,2}[:.]\d{2}))?$/i.exec(
    rest.trim(),
  );
  const ref = match ? meeting(match[1] ?? '', ctx) : undefined;
  const date = match ? parseUkDate(match[2] ?? '') : undefined;
  if (!match)
    ctx.addIssue({
      code: 'custom',
      message: 'say which meeting and the new date, e.g. "autumn 2 to 19/11/2026 09:30-11:30"',
    });
  else if (!date) ctx.addIssue({ code: 'custom', message: `"${match[2]}" is not a date (use 19/11/2026)` });
  if (!ref || !date) return z.NEVER;
  const time = (t?: string) => (t ? t.replace('.', ':').padStart(5, '0') : undefined);
  const startTime = time(match?.[3]);
  const endTime = time(match?.[4]);
  return {
    kind: 'move',
    meeting: ref,
    date,
    ...(startTime ? { startTime } : {}),
    ...(endTime ? { endTime } : {}),
  };
});

export const VENUE_ARGS = z.string().transform((rest, ctx): RotaChangeOrder => {
  const match = /^((?:\d{4}\S*\s+)?\S+\s*[12](?:\s+\d{4}\S*)?)\s+(?:at\s+)?(.+)$/i.exec(rest.trim());
  const ref = match ? meeting(match[1] ?? '', ctx) : undefined;
  if (!match)
    ctx.addIssue({
      code: 'custom',
      message: 'say which meeting and where, e.g. "spring 1 at Earlsdon school hall"',
    });
  const venue = (match?.[2] ?? '').trim();
  if (venue.length > 200) ctx.addIssue({ code: 'custom', message: 'keep the venue under 200 characters' });
  return ref && venue ? { kind: 'venue', meeting: ref, venue } : z.NEVER;
});
