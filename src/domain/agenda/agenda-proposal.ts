import type { Actor } from '../actor';
import { refusePupilData } from '../privacy/pupil-data-guard';
import type { AgendaProposal } from './agenda';

const HTTPS_URL = /^https:\/\/\S+$/i;

/** What is wrong with a proposed agenda item as typed, if anything. */
export function proposalProblem(text: string, paperUrl: string | undefined, today: Date): string | undefined {
  const pupilData = refusePupilData({ 'agenda item': text }, today);
  if (pupilData) return pupilData;
  if (text.length > 300) return 'keep an agenda item under 300 characters (attach longer papers as a link)';
  if (paperUrl && !HTTPS_URL.test(paperUrl))
    return 'a paper must be a link starting with https:// (Teams or SharePoint)';
  return undefined;
}

/** A proposal for a meeting, numbered P1, P2, … in the cluster; the chair accepts or drops it. */
export function newProposal(
  number: number,
  meetingId: string,
  text: string,
  paperUrl: string | undefined,
  actor: Actor,
  now: Date,
): AgendaProposal {
  return {
    id: `P${number}`,
    meetingId,
    text,
    ...(paperUrl ? { paper: { title: 'Paper', url: paperUrl } } : {}),
    proposedBy: actor.userId,
    proposedByName: actor.name,
    at: now,
    status: 'proposed',
    order: 0,
  };
}
