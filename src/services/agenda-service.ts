import type { Actor } from '../domain/actor';
import {
  type AgendaItem,
  type AgendaProposal,
  decideProposal,
  PERFORMANCE_REVIEW_ITEM,
} from '../domain/agenda/agenda';
import { agendaFor } from '../domain/agenda/agenda-for';
import { newProposal, proposalProblem } from '../domain/agenda/agenda-proposal';
import { halfTermName } from '../domain/calendar/academic-year';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace, ClusterSnapshot } from '../domain/clusters/cluster';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { buildRota } from '../domain/rota/build-rota';
import type { PlannedMeeting } from '../domain/rota/rota-types';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import type { ClusterNotices } from './notices-port';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

function nextMeeting(cluster: ClusterSnapshot, now: Date): PlannedMeeting | undefined {
  return buildRota(cluster, now).meetings.find((m) => m.status === 'next');
}

/** Proposals for the next meeting's agenda, the chair's decisions, the foci plan and standing items. */
export class AgendaService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly notices?: ClusterNotices,
    /** The performance review in one line (see TargetsService.summary), carried by the review meeting's agenda. */
    private readonly performanceSummary?: (place: Place) => Promise<string | undefined>,
  ) {}

  /**
   * Posts the agenda in the cluster's channel, or updates the post made last time, so re-publishing
   * never leaves two agendas in the channel. Chair or cluster lead only.
   */
  async publish(place: Place, actor: Actor): Promise<Outcome<{ items: AgendaItem[]; updated: boolean }>> {
    const next = await this.next(place);
    if (!next.ok) return next;
    const { cluster, meeting } = next.value;
    const summary = next.value.items.some((i) => i.text === PERFORMANCE_REVIEW_ITEM)
      ? await this.performanceSummary?.(place)
      : undefined;
    // The review item carries the figures, so they are in the published agenda and the minutes.
    const items = next.value.items.map((i) =>
      summary && i.text === PERFORMANCE_REVIEW_ITEM ? { ...i, text: `${i.text}. ${summary}` } : i,
    );
    if (!whoMay.chair(cluster, meeting, actor.userId)) {
      return fail(
        `only the chair of the next meeting (${meeting.host?.name ?? 'the host school'}) or a cluster lead can publish its agenda`,
      );
    }
    if (!this.notices) return fail('publishing is not available here');
    const previous = cluster.publishedAgendas.find((p) => p.meetingId === meeting.id);
    const posted = await this.notices.agendaPublished(
      cluster,
      meeting,
      items,
      actor,
      this.workspace.clock(),
      previous?.activityId,
    );
    if (!posted.ok) return fail(`the agenda could not be posted in the channel (${posted.detail})`);
    const { updated } = posted;
    const activityId = posted.activityId ?? previous?.activityId;
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
            changeRecord(
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
    const problem = proposalProblem(text, paperUrl, this.workspace.clock());
    if (problem) return fail(problem);
    return this.workspace.change(place, (cluster, now) => {
      const meeting = nextMeeting(cluster, now);
      if (!meeting) return fail('there is no upcoming meeting to add an item to');
      const number = cluster.profile.nextProposalNumber ?? 1;
      const proposal = newProposal(number, meeting.id, text, paperUrl, actor, now);
      const when = `${halfTermName(meeting.halfTerm)} ${meeting.year}`;
      return succeed({
        write: {
          profile: { ...cluster.profile, nextProposalNumber: number + 1 },
          proposals: [proposal],
          changeLog: [changeRecord(actor, now, 'agenda', `Proposed ${proposal.id} for ${when}.`)],
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
  ): Promise<Outcome<{ proposal: AgendaProposal; itemNumber?: number }>> {
    return this.workspace.change(place, (cluster, now) => {
      const meeting = nextMeeting(cluster, now);
      if (!meeting) return fail('there is no upcoming meeting');
      if (!whoMay.chair(cluster, meeting, actor.userId)) {
        return fail(
          `only the chair of the next meeting (${meeting.host?.name ?? 'the host school'}) or a cluster lead can change its agenda`,
        );
      }
      const current = cluster.proposals.filter((p) => p.meetingId === meeting.id);
      const next = decideProposal(current, id, decision);
      if (typeof next === 'string') return fail(next);
      const changed = next.filter((p, i) => p !== current[i]);
      const target = next.find((p) => p.id.toLowerCase() === id.toLowerCase()) as AgendaProposal;
      // Where it now stands on the agenda, so the reply can say so.
      const others = cluster.proposals.filter((p) => p.meetingId !== meeting.id);
      const items = agendaFor({ ...cluster, proposals: [...others, ...next] }, meeting, now);
      const index = items.findIndex((item) => item.kind === 'proposal' && item.text === target.text);
      return succeed({
        write: {
          proposals: changed,
          changeLog: [changeRecord(actor, now, 'agenda', `${decision} ${target.id}.`)],
        },
        value: { proposal: target, ...(index >= 0 ? { itemNumber: index + 1 } : {}) },
      });
    });
  }
}
