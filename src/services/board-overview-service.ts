import type { Board } from '../domain/board/board';
import { type ClusterHealth, clusterHealth } from '../domain/board/cluster-health';
import { schoolsInSeveralClusters } from '../domain/board/shared-schools';
import { academicYearBounds, academicYearOf } from '../domain/calendar/academic-year';
import type { Clock } from '../domain/clock';
import type { ClusterPlace, ClusterSnapshot, School } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { buildRota } from '../domain/rota/build-rota';
import { isMemberOn } from '../domain/rota/plan-rota';
import { londonWallClock } from '../domain/time/london-time';
import type { BoardStore, ClusterStore, RsvpStore } from './ports';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

export const NO_BOARD =
  'this team or chat is not a board yet. A board admin sets one up here with **/board setup <name>**, for example `/board setup Coventry primary steering group`';

/** The latest published minutes of a cluster, which board members may read. */
export interface PublishedMinutesRef {
  meetingId: string;
  html: string;
}

export interface BoardOverview {
  board: Board;
  healths: ClusterHealth[];
  latestMinutes: Record<string, PublishedMinutesRef | undefined>;
  /** Schools in more than one of the board's clusters (each cluster counts them). */
  sharedSchools: Array<{ name: string; clusters: string[] }>;
  asOf: Date;
}

/** How many clusters' data is read at once for an overview. */
const _READ_CONCURRENCY = 8;

/** How many clusters' data is read at once for an overview. */
const READ_CONCURRENCY = 8;

/**
 * A board's view across its clusters: aggregates for the current school year and links to
 * published minutes. It reads only the clusters it links (two queries each), never drafts.
 */
export class BoardOverviewService {
  constructor(
    private readonly boards: BoardStore,
    private readonly clusters: ClusterStore,
    private readonly rsvps: RsvpStore,
    private readonly clock: Clock,
    private readonly minutesLink: (clusterId: string, meetingId: string) => string,
  ) {}

  async overview(place: Place): Promise<Outcome<BoardOverview>> {
    const boardId = await this.boards.findBoardId(place);
    if (!boardId) return fail(NO_BOARD);
    return this.overviewOf(boardId);
  }

  async overviewOf(boardId: string): Promise<Outcome<BoardOverview>> {
    const stored = await this.boards.load(boardId);
    if (!stored) return fail('this board no longer exists');
    const now = this.clock();
    const ids = stored.links.map((l) => l.clusterId);
    const healths: ClusterHealth[] = [];
    const latestMinutes: Record<string, PublishedMinutesRef | undefined> = {};
    const memberships: Array<{ name: string; schools: School[] }> = [];
    for (let i = 0; i < ids.length; i += READ_CONCURRENCY) {
      const batch = await Promise.all(ids.slice(i, i + READ_CONCURRENCY).map((id) => this.healthOf(id, now)));
      for (const result of batch) {
        if (!result) continue;
        healths.push(result.health);
        latestMinutes[result.health.clusterId] = result.minutes;
        memberships.push({ name: result.health.name, schools: result.schools });
      }
    }
    return succeed({
      board: stored.board,
      healths,
      latestMinutes,
      sharedSchools: schoolsInSeveralClusters(memberships),
      asOf: now,
    });
  }

  private async healthOf(clusterId: string, now: Date) {
    const [stored, replies] = await Promise.all([
      this.clusters.load(clusterId),
      this.rsvps.repliesForCluster(clusterId),
    ]);
    if (!stored) return undefined;
    const cluster = stored.value;
    const today = londonWallClock(now).date;
    const year = academicYearOf(today);
    const { from, to } = academicYearBounds(year);
    const meetings = buildRota(cluster, now).meetings.filter((m) => m.year === year);
    const health = clusterHealth({
      clusterId,
      name: cluster.profile.name,
      year,
      meetings,
      membersOn: (date) => cluster.schools.filter((s) => isMemberOn(s, date)).map((s) => s.id),
      answers: replies.answers,
      guests: replies.guests,
      minutes: cluster.minutes,
      actions: cluster.actions,
      peerReviews: cluster.peerReviews,
      today,
      startedAt: cluster.profile.createdAt,
      yearStart: from,
      yearEnd: to,
    });
    return {
      health,
      schools: cluster.schools,
      minutes: latestPublished(cluster, (meetingId) => this.minutesLink(clusterId, meetingId)),
    };
  }
}

export function latestPublished(
  cluster: ClusterSnapshot,
  link: (meetingId: string) => string,
): PublishedMinutesRef | undefined {
  const latest = cluster.minutes
    .filter((m) => m.published)
    .sort((a, b) => (a.published?.at.getTime() ?? 0) - (b.published?.at.getTime() ?? 0))
    .at(-1);
  return latest ? { meetingId: latest.meetingId, html: link(latest.meetingId) } : undefined;
}
