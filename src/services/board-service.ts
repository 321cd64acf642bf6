import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor';
import type { Board } from '../domain/board/board';
import type { Clock } from '../domain/clock';
import type { ClusterPlace, ClusterProfile } from '../domain/clusters/cluster';
import { findSchool } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { latestPublished, NO_BOARD, type PublishedMinutesRef } from './board-overview-service';
import type { ClusterNotices } from './notices-port';
import type { BoardStore, ClusterStore } from './ports';
import { AlreadyExistsError } from './storage-errors';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** A board: set up, linking and unlinking its clusters, and their latest published minutes. */
export class BoardService {
  constructor(
    private readonly boards: BoardStore,
    private readonly clusters: ClusterStore,
    private readonly clock: Clock,
    private readonly minutesLink: (clusterId: string, meetingId: string) => string,
    private readonly notices?: ClusterNotices,
    private readonly newId: () => string = () => `b${randomUUID().replace(/-/g, '').slice(0, 16)}`,
  ) {}

  async setUp(place: ClusterPlace, name: string, actor: Actor): Promise<Outcome<Board>> {
    const refused = refusePupilData({ 'board name': name }, this.clock());
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
