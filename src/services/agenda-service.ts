import { renderAgendaCard } from '../cards/agenda-card';
import { type AgendaItem, type AgendaProposal, buildAgenda, decideProposal } from '../domain/agenda/agenda';
import { type AcademicYear, halfTermName } from '../domain/calendar/academic-year';
import { type ClusterPlace, type ClusterSnapshot, schoolNamer } from '../domain/clusters/cluster';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { formatLondon, londonWallClock } from '../domain/time/london-time';
import type { Actor } from './actor';
import { postOrUpdate } from './channel-post';
import { type ClusterWorkspace, NO_CLUSTER, requireLead } from './cluster-workspace';
import { fail, type Outcome, succeed } from './outcome';
import type { Messenger, OutgoingMessage } from './ports';
import { buildRota } from './rota-builder';
import { record } from './school-service';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** The agenda of a meeting as it stands: built from the cluster's plan, actions and proposals. */
export function agendaFor(cluster: ClusterSnapshot, meeting: PlannedMeeting, now: Date): AgendaItem[] {
  return buildAgenda({
    standingItems: cluster.profile.standingItems ?? [],
    ...(cluster.profile.foci?.[meeting.year]?.[meeting.halfTerm - 1]
      ? { focus: cluster.profile.foci[meeting.year]?.[meeting.halfTerm - 1] }
      : {}),
    actions: cluster.actions,
    proposals: cluster.proposals.filter((p) => p.meetingId === meeting.id),
    peerReviews: cluster.peerReviews,
    today: londonWallClock(now).date,
    schoolName: schoolNamer(cluster),
  });
}

/** The chair of the next meeting: people linked to its host school, and cluster leads. */
export function chairsOrLeads(cluster: ClusterSnapshot, meeting: PlannedMeeting, userId: string): boolean {
  const person = cluster.people.find((p) => p.userId === userId);
  return (
    person?.role === 'cluster-lead' ||
    (person?.schoolId !== undefined && person.schoolId === meeting.host?.id)
  );
}

function nextMeeting(cluster: ClusterSnapshot, now: Date): PlannedMeeting | undefined {
  return buildRota(cluster, now).meetings.find((m) => m.status === 'next');
}

const HTTPS_URL = /^https:\/\/\S+$/i;

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

/** Proposals for the next meeting's agenda, the chair's decisions, the foci plan and standing items. */
export class AgendaService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly messenger?: Messenger,
  ) {}

  /**
   * Posts the agenda in the cluster's channel, or updates the post made last time, so re-publishing
   * never leaves two agendas in the channel. Chair or cluster lead only.
   */
  async publish(place: Place, actor: Actor): Promise<Outcome<{ items: AgendaItem[]; updated: boolean }>> {
    const next = await this.next(place);
    if (!next.ok) return next;
    const { cluster, meeting, items } = next.value;
    if (!chairsOrLeads(cluster, meeting, actor.userId)) {
      return fail(
        `only the chair of the next meeting (${meeting.host?.name ?? 'the host school'}) or a cluster lead can publish its agenda`,
      );
    }
    if (!this.messenger) return fail('publishing is not available here');
    const now = this.workspace.clock();
    const message = publishedAgendaMessage(cluster, meeting, items, actor, now);
    const previous = cluster.publishedAgendas.find((p) => p.meetingId === meeting.id);
    const { sent, updated } = await postOrUpdate(
      this.messenger,
      cluster.profile.place,
      previous?.activityId,
      message,
    );
    if (!sent.ok) return fail(`the agenda could not be posted in the channel (${sent.detail})`);
    const activityId = sent.activityId ?? previous?.activityId;
    return this.workspace.change(place, (_latest, at) =>
      succeed({
        write: {
          publishedAgendas: [
            {
              meetingId: meeting.id,
              items,
              publishedAt: at,
              publishedBy: actor.userId,
              publishedByName: actor.name,
              ...(activityId ? { activityId } : {}),
            },
          ],
          changeLog: [
            record(
              actor,
              at,
              'agenda',
              `${updated ? 'Re-published' : 'Published'} the agenda for ${halfTermName(meeting.halfTerm)} ${meeting.year}.`,
            ),
          ],
        },
        value: { items, updated },
      }),
    );
  }

  async next(
    place: Place,
  ): Promise<Outcome<{ cluster: ClusterSnapshot; meeting: PlannedMeeting; items: AgendaItem[] }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const now = this.workspace.clock();
    const meeting = nextMeeting(stored.value, now);
    if (!meeting) return fail('there is no upcoming meeting on the rota (are term dates and schools set?)');
    return succeed({ cluster: stored.value, meeting, items: agendaFor(stored.value, meeting, now) });
  }

  async propose(
    place: Place,
    text: string,
    paperUrl: string | undefined,
    actor: Actor,
  ): Promise<Outcome<AgendaProposal>> {
    const pupilData = refusePupilData({ 'agenda item': text });
    if (pupilData) return fail(pupilData);
    if (text.length > 300)
      return fail('keep an agenda item under 300 characters (attach longer papers as a link)');
    if (paperUrl && !HTTPS_URL.test(paperUrl))
      return fail('a paper must be a link starting with https:// (Teams or SharePoint)');
    return this.workspace.change(place, (cluster, now) => {
      const meeting = nextMeeting(cluster, now);
      if (!meeting) return fail('there is no upcoming meeting to add an item to');
      const number = cluster.profile.nextProposalNumber ?? 1;
      const proposal: AgendaProposal = {
        id: `P${number}`,
        meetingId: meeting.id,
        text,
        ...(paperUrl ? { paper: { title: 'Paper', url: paperUrl } } : {}),
        proposedBy: actor.userId,
        proposedByName: actor.name,
        at: now,
        status: 'proposed',
        order: 0,
      };
      return succeed({
        write: {
          profile: { ...cluster.profile, nextProposalNumber: number + 1 },
          proposals: [proposal],
          changeLog: [
            record(
              actor,
              now,
              'agenda',
              `Proposed ${proposal.id} for ${halfTermName(meeting.halfTerm)} ${meeting.year}.`,
            ),
          ],
        },
        value: proposal,
      });
    });
  }

  async decide(
    place: Place,
    id: string,
    decision: 'accept' | 'drop' | 'up' | 'down',
    actor: Actor,
  ): Promise<Outcome<AgendaProposal>> {
    return this.workspace.change(place, (cluster, now) => {
      const meeting = nextMeeting(cluster, now);
      if (!meeting) return fail('there is no upcoming meeting');
      if (!chairsOrLeads(cluster, meeting, actor.userId)) {
        return fail(
          `only the chair of the next meeting (${meeting.host?.name ?? 'the host school'}) or a cluster lead can change its agenda`,
        );
      }
      const current = cluster.proposals.filter((p) => p.meetingId === meeting.id);
      const next = decideProposal(current, id, decision);
      if (typeof next === 'string') return fail(next);
      const changed = next.filter((p, i) => p !== current[i]);
      const target = next.find((p) => p.id.toLowerCase() === id.toLowerCase()) as AgendaProposal;
      return succeed({
        write: { proposals: changed, changeLog: [record(actor, now, 'agenda', `${decision} ${target.id}.`)] },
        value: target,
      });
    });
  }

  async setFoci(place: Place, year: AcademicYear, foci: string[], actor: Actor): Promise<Outcome<string[]>> {
    const pupilData = refusePupilData(Object.fromEntries(foci.map((f, i) => [`focus ${i + 1}`, f])));
    if (pupilData) return fail(pupilData);
    if (foci.length !== 6) return fail(`give six foci, one per half term (you gave ${foci.length})`);
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<string[]>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, foci: { ...cluster.profile.foci, [year]: foci } },
          changeLog: [record(actor, now, 'agenda', `Set the ${year} meeting foci.`)],
        },
        value: foci,
      });
    });
  }

  async setStandingItems(place: Place, items: string[], actor: Actor): Promise<Outcome<string[]>> {
    const pupilData = refusePupilData(Object.fromEntries(items.map((f, i) => [`standing item ${i + 1}`, f])));
    if (pupilData) return fail(pupilData);
    if (items.length < 1 || items.length > 10) return fail('give between 1 and 10 standing items');
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<string[]>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, standingItems: items },
          changeLog: [record(actor, now, 'agenda', 'Changed the standing agenda items.')],
        },
        value: items,
      });
    });
  }
}
