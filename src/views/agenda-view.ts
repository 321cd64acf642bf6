import { renderAgendaCard } from '../cards/agenda-card';
import type { Actor } from '../domain/actor';
import type { AgendaItem } from '../domain/agenda/agenda';
import { halfTermName } from '../domain/calendar/academic-year';
import type { ClusterSnapshot } from '../domain/clusters/cluster';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { formatLondon } from '../domain/time/london-time';
import type { OutgoingMessage } from './outgoing-message';

/** The title, date line and numbered items (with paper links) every agenda card shows. */
export function agendaCardHeading(
  cluster: ClusterSnapshot,
  meeting: PlannedMeeting,
  items: readonly AgendaItem[],
) {
  return {
    title: `Agenda: ${cluster.profile.name}, ${halfTermName(meeting.halfTerm)} meeting`,
    subtitle: `${formatLondon(meeting.startsAt)}${meeting.host ? `, hosted and chaired by ${meeting.host.name}` : ''}.`,
    items: items.map((item, i) => ({
      text: `${i + 1}. ${item.text}${item.paper ? ` ([paper](${item.paper.url}))` : ''}`,
    })),
  };
}

/** The agenda card everyone sees once published (no proposals, no buttons). */
export function publishedAgendaMessage(
  cluster: ClusterSnapshot,
  meeting: PlannedMeeting,
  items: readonly AgendaItem[],
  by: Actor,
  at: Date,
): OutgoingMessage {
  return {
    card: renderAgendaCard({
      ...agendaCardHeading(cluster, meeting, items),
      proposalsHeading: '',
      proposals: [],
      footer: `Published by ${by.name}, ${formatLondon(at)}. Propose items for the next meeting with /agenda add.`,
    }),
    summary: `Agenda for the ${cluster.profile.name} meeting on ${formatLondon(meeting.startsAt)}`,
  };
}
