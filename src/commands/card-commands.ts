import { peopleToRefresh } from '../cards/card-refresh';
import { HALF_TERM_NAMES } from '../domain/calendar/academic-year';

/**
 * Buttons on cards (Action.Execute verbs) turned into the command text they stand for, so a card
 * goes through exactly the same registry as typing: same permissions, validation and replies.
 * Values come from card inputs, so every one is treated as untrusted text.
 */
export const CARD_VERBS = {
  importRoster: 'importRoster',
  setTermDates: 'setTermDates',
  addSchool: 'addSchool',
  joinSchool: 'joinSchool',
  actionStatus: 'actionStatus',
  agendaDecision: 'agendaDecision',
  uploadFile: 'uploadFile',
  refreshCard: 'refreshCard',
} as const;

type CardData = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '').trim();

/** Commas separate the parts of "/school add", so a name keeps none of its own. */
const part = (value: unknown) => text(value).replace(/[,\n]/g, ' ');

/**
 * Cards that keep themselves true for everyone who sees them: the command that draws each, for
 * its refresh (see withRefresh) and after its own buttons.
 */
export const CARD_VIEWS = {
  actions: (data: CardData) => `actions ${text(data.filter)}`,
  agenda: (_data: CardData) => 'agenda',
  rota: (data: CardData) => `rota ${text(data.filter)}`,
  peerReviews: (_data: CardData) => 'peerreview list',
  schools: (_data: CardData) => 'school list',
} as const;

export type CardView = keyof typeof CARD_VIEWS;

/**
 * The refresh of a view for the cluster's people, leads and heads first (a large cluster's card
 * may have room for only some). The card carries its cluster for personal chats.
 */
export function refreshOf(
  cluster: {
    profile: { place: { placeKey: string } };
    people: ReadonlyArray<{ userId: string; role: string }>;
  },
  data: { view: CardView; filter?: string },
) {
  return {
    verb: CARD_VERBS.refreshCard,
    data: { ...data, clusterPlaceKey: cluster.profile.place.placeKey },
    userIds: peopleToRefresh(cluster.people),
  };
}

/**
 * After its own button, a card shows itself again as it now stands: the actions list with the
 * filter it was showing; the chair's draft, where a decided proposal leaves the list to decide.
 */
export const CARD_REFRESHES: Partial<Record<string, (data: CardData) => string>> = {
  [CARD_VERBS.actionStatus]: CARD_VIEWS.actions,
  [CARD_VERBS.agendaDecision]: CARD_VIEWS.agenda,
};

export const CARD_COMMANDS: Record<string, (data: CardData) => string> = {
  [CARD_VERBS.addSchool]: (data) => `school add ${part(data.name)}, ${part(data.urn)}, ${part(data.head)}`,
  [CARD_VERBS.joinSchool]: (data) => `join ${part(data.school)}`,
  [CARD_VERBS.agendaDecision]: (data) => `agenda ${part(data.decision)} ${part(data.id)}`,
  [CARD_VERBS.actionStatus]: (data) => `action ${part(data.id)} ${part(data.status).replace('-', ' ')}`,
  [CARD_VERBS.uploadFile]: (data) => `upload ${part(data.kind)} ${part(data.option)}`,
  [CARD_VERBS.importRoster]: (data) => `school import ${text(data.network)}\n${text(data.csv)}`,
  [CARD_VERBS.setTermDates]: (data) => {
    // Pasted dates (CSV or ICS) take precedence over the twelve date pickers.
    if (text(data.pasted)) return `terms ${text(data.year)}\n${text(data.pasted)}`;
    const rows = HALF_TERM_NAMES.map(
      (name, i) => `${name},${text(data[`start${i + 1}`])},${text(data[`end${i + 1}`])}`,
    );
    const closures = text(data.closures)
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((date) => `INSET,${date},${date}`);
    return [`terms ${text(data.year)}`, ...rows, ...closures].join('\n');
  },
};
