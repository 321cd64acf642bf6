import type { AdaptiveCard } from '../cards/adaptive-card';
import { renderNoticeCard } from '../cards/notice-card';
import { PupilDataRefusedError } from '../services/pupil-data-gate';
import { StorageUnavailableError } from '../services/storage-errors';

/**
 * What a person sees when a turn cannot be done: in a message, or as the card that answers
 * their click (an invoke must always be answered, or Teams shows its own error).
 */
export type NoticeKind =
  | 'malformed-card'
  | 'unknown-action'
  | 'other-cluster'
  | 'storage-down'
  | 'failed'
  | 'tenant-refused';

const NOTICES: Record<NoticeKind, { title: string; text: string; withReference: boolean }> = {
  'malformed-card': {
    title: 'That button did not work',
    text: 'Clusterbot could not read what this card sent, so nothing was changed. Use the command again for a fresh card.',
    withReference: true,
  },
  'unknown-action': {
    title: 'This card is out of date',
    text: 'That button is no longer available, so nothing was changed. Use the command again (type /help to see them) for a fresh card.',
    withReference: false,
  },
  'other-cluster': {
    title: 'This card is for another cluster',
    text: "This card belongs to a cluster that is not run in this team or chat, or that you are not linked to, so nothing was shown or changed. Use the command in your own cluster's channel.",
    withReference: false,
  },
  'storage-down': {
    title: 'Your answer was not saved',
    text: "Clusterbot can't reach its storage just now; your answer was not saved. Please try again in a minute.",
    withReference: true,
  },
  failed: {
    title: 'Something went wrong',
    text: 'Sorry, something went wrong on my side and I could not finish that. Nothing was half-saved. Please try again in a minute.',
    withReference: true,
  },
  'tenant-refused': {
    title: 'Clusterbot is not available here',
    text: "Clusterbot is not available to your organisation. Ask your school trust's IT team or your partnership's lead about setting it up.",
    withReference: false,
  },
};

export interface Notice {
  title: string;
  text: string;
  reference: string;
}

export function noticeFor(kind: NoticeKind, requestId: string): Notice {
  const notice = NOTICES[kind];
  return {
    title: notice.title,
    text: notice.text,
    reference: notice.withReference
      ? `If it keeps happening, tell your cluster lead and quote reference ${requestId.slice(0, 8)}.`
      : '',
  };
}

/** Storage out of reach, anywhere in the error's causes. */
export function noticeKindForError(error: unknown): NoticeKind {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof StorageUnavailableError) return 'storage-down';
  }
  return 'failed';
}

/** What the person sees for a turn that failed with `error`. */
export function noticeForError(error: unknown, requestId: string): Notice {
  // The gate before storage refused pupil data a use case did not check for: say what and where.
  if (error instanceof PupilDataRefusedError)
    return { title: 'Nothing was saved', text: `Sorry, ${error.refusal}.`, reference: '' };
  return noticeFor(noticeKindForError(error), requestId);
}

export function noticeText(notice: Notice): string {
  return [notice.text, notice.reference].filter(Boolean).join(' ');
}

/** The notice as the card that answers a click. */
export function noticeCard(notice: Notice): AdaptiveCard {
  return renderNoticeCard(notice);
}
