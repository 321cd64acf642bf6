import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor';
import type { Board } from '../domain/board/board';
import { type ClusterHealth, clusterHealth } from '../domain/board/cluster-health';
import { academicYearBounds, academicYearOf } from '../domain/calendar/academic-year';
import type { Clock } from '../domain/clock';
import type { ClusterPlace, ClusterProfile, ClusterSnapshot } from '../domain/clusters/cluster';
import { findSchool } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { buildRota } from '../domain/rota/build-rota';
import { isMemberOn } from '../domain/rota/plan-rota';
import { londonWallClock } from '../domain/time/london-time';
import type { BoardStore, ClusterNotices, ClusterStore, RsvpStore } from './ports';
import { AlreadyExistsError } from './storage-errors';

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
  asOf: Date;
}

/** How many clusters' data is read at once for an overview. */
const READ_CONCURRENCY = 8;

/**
 * A board's view across its clusters: aggregates for the current school year and links to
 * published minutes. It reads only the clusters it links (two queries each), never drafts.
 */
export class BoardService {
  constructor(
    private readonly boards: BoardStore,
    private readonly clusters: ClusterStore,
    private readonly rsvps: RsvpStore,
    private readonly clock: Clock,
    private readonly minutesLink: (clusterId: string, meetingId: string) => string,
    private readonly notices?: ClusterNotices,
    private readonly newId: () => string = () => `b${randomUUID().replace(/-/g, '').slice(0, 16)}`,
  ) {}

  async setUp(place: ClusterPlace, name: string, actor: Actor): Promise<Outcome<Board>> {
    const refused = refusePupilData({ 'board name': name });
    if (refused) return fail(refused);
    if (!name || name.length > 100) return fail('give the board a name of up to 100 characters');
    const existing = await this.boards.findBoardId(place);
    if (existing) return fail('this team or chat is already a board');
    const board: Board = {
      id: this.newId(),
      name,
      place,
      createdAt: this.clock(),
      createdBy: actor.userId,
      createdByName: actor.name,
      admins: [actor.userId],
    };
    try {
      await this.boards.create(board);
    } catch (error) {
      if (error instanceof AlreadyExistsError)
        return fail('someone else set up a board here at the same moment');
      throw error;
    }
    return succeed(board);
  }

  /** A board admin links a cluster of the same organisation by name; the cluster is told. */
  async link(place: Place, clusterName: string, actor: Actor): Promise<Outcome<ClusterProfile>> {
    const found = await this.adminsBoard(place, actor);
    if (!found.ok) return found;
    const cluster = await this.clusterNamed(place.tenantId, clusterName);
    if (!cluster.ok) return cluster;
    const board = found.value;
    await this.boards.link(board.id, {
      clusterId: cluster.value.id,
      clusterName: cluster.value.name,
      linkedAt: this.clock(),
      linkedBy: actor.userId,
    });
    await this.notices?.linkedToBoard(cluster.value, board.name);
    return succeed(cluster.value);
  }

  async unlink(place: Place, clusterName: string, actor: Actor): Promise<Outcome<ClusterProfile>> {
    const found = await this.adminsBoard(place, actor);
    if (!found.ok) return found;
    const cluster = await this.clusterNamed(place.tenantId, clusterName);
    if (!cluster.ok) return cluster;
    await this.boards.unlink(found.value.id, cluster.value.id);
    return succeed(cluster.value);
  }

  /** The latest published minutes of one linked cluster (never a draft). */
  async latestMinutes(
    place: Place,
    clusterName: string,
  ): Promise<Outcome<{ cluster: string; minutes?: PublishedMinutesRef }>> {
    const boardId = await this.boards.findBoardId(place);
    const stored = boardId ? await this.boards.load(boardId) : undefined;
    if (!stored) return fail(NO_BOARD);
    const named = await this.clusterNamed(place.tenantId, clusterName);
    if (!named.ok) return named;
    if (!stored.links.some((l) => l.clusterId === named.value.id))
      return fail(`${named.value.name} is not linked to ${stored.board.name}`);
    const cluster = await this.clusters.load(named.value.id);
    if (!cluster) return fail('that cluster no longer exists');
    const minutes = latestPublished(cluster.value, (meetingId) =>
      this.minutesLink(named.value.id, meetingId),
    );
    return succeed({ cluster: named.value.name, ...(minutes ? { minutes } : {}) });
  }

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
    for (let i = 0; i < ids.length; i += READ_CONCURRENCY) {
      const batch = await Promise.all(ids.slice(i, i + READ_CONCURRENCY).map((id) => this.healthOf(id, now)));
      for (const result of batch) {
        if (!result) continue;
        healths.push(result.health);
        latestMinutes[result.health.clusterId] = result.minutes;
      }
    }
    return succeed({ board: stored.board, healths, latestMinutes, asOf: now });
  }

  private async healthOf(clusterId: string, now: Date) {
    const [stored, answers] = await Promise.all([
      this.clusters.load(clusterId),
      this.rsvps.answersForCluster(clusterId),
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
      answers,
      minutes: cluster.minutes,
      actions: cluster.actions,
      peerReviews: cluster.peerReviews,
      today,
      yearStart: from,
      yearEnd: to,
    });
    return {
      health,
      minutes: latestPublished(cluster, (meetingId) => this.minutesLink(clusterId, meetingId)),
    };
  }

  private async adminsBoard(place: Place, actor: Actor): Promise<Outcome<Board>> {
    const boardId = await this.boards.findBoardId(place);
    const stored = boardId ? await this.boards.load(boardId) : undefined;
    if (!stored) return fail(NO_BOARD);
    if (!stored.board.admins.includes(actor.userId))
      return fail(
        `only an admin of ${stored.board.name} (${stored.board.createdByName}) can link or unlink clusters`,
      );
    return succeed(stored.board);
  }

  private async clusterNamed(tenantId: string, name: string): Promise<Outcome<ClusterProfile>> {
    const profiles = await this.clusters.profilesInTenant(tenantId);
    // The same matching as school names: exact, else an unambiguous part of the name.
    const found = findSchool(profiles, name);
    if (!found) return fail(`no cluster in this organisation is called "${name}"`);
    if (Array.isArray(found))
      return fail(`"${name}" matches ${found.map((f) => f.name).join(', ')}: give more of the name`);
    return succeed(found);
  }
}

function latestPublished(
  cluster: ClusterSnapshot,
  link: (meetingId: string) => string,
): PublishedMinutesRef | undefined {
  const latest = cluster.minutes
    .filter((m) => m.published)
    .sort((a, b) => (a.published?.at.getTime() ?? 0) - (b.published?.at.getTime() ?? 0))
    .at(-1);
  return latest ? { meetingId: latest.meetingId, html: link(latest.meetingId) } : undefined;
}
