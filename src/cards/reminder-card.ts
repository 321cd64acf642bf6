import template from '../../cards/reminder.json';
import type { AdaptiveCard } from './adaptive-card';
import { withRefresh } from './card-refresh';
import { renderTemplate } from './render-template';

export interface ReminderCardData {
  clusterId: string;
  meetingId: string;
  /** The meeting date the card was made for: a later move makes the card stale. */
  meetingDate: string;
  answerVerb: string;
  refreshVerb: string;
  guestVerb: string;
  /** Who gets their own view of the card, most important first (see withRefresh). */
  userIds: string[];
  title: string;
  intro: string;
  host: string;
  chair: string;
  minutes: string;
  boardRep: string;
  agenda: Array<{ text: string }>;
  papers: string;
  /** The viewer's own line (their school's answer), or the overall count. */
  status: string;
  /** The whole tally, for the chair, host and cluster leads only; '' hides it. */
  tally: string;
  /** False once the meeting has moved, been cancelled or started: the buttons go. */
  open: boolean;
  /** What the person typed last time (kept when an answer is refused, so nothing is lost). */
  drafts: ReminderDrafts;
}

export interface ReminderDrafts {
  reason: string;
  deputyName: string;
  deputyRole: string;
  guestName: string;
  guestRole: string;
}

export const NO_DRAFTS: ReminderDrafts = {
  reason: '',
  deputyName: '',
  deputyRole: '',
  guestName: '',
  guestRole: '',
};

export function renderReminderCard(data: ReminderCardData): AdaptiveCard {
  const { clusterId, meetingId, meetingDate } = data;
  return withRefresh(renderTemplate(template, data), {
    verb: data.refreshVerb,
    data: { clusterId, meetingId, meetingDate },
    userIds: data.userIds,
  });
}
