import { odata, type TableClient } from '@azure/data-tables';
import type { Board, BoardLink } from '../domain/board/board';
import type { ClusterPlace } from '../domain/clusters/cluster';
import type { BoardStore } from '../services/ports';
import { parseRowVersion } from './parsed-rows';
import { ROW_SCHEMA_VERSION } from './row-schemas';
import { isNotFound, translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Table `Boards`. A board's own partition (PartitionKey = board id) holds its profile and one row
 * per linked cluster, so the overview reads its list of clusters in one query; a second kind of
 * partition, `place|<tenant>`, maps a team or chat to its board.
 */
export const boardKeys = {
  placePartition: (tenantId: string) => `place|${toTableKey(tenantId)}`,
  place: (placeKey: string) => toTableKey(placeKey),
  profile: 'profile',
  cluster: (clusterId: string) => `cluster|${clusterId}`,
};

type Row = { partitionKey?: string; rowKey?: string; json: string; v?: unknown; etag?: string };
const parse = <T>(kind: 'board' | 'boardLink', row: Row): T =>
  parseRowVersion<T>(kind, row.json, `row ${row.rowKey} of board ${row.partitionKey}`, row.v, row.etag);

export class BoardRepository implements BoardStore {
  constructor(private readonly boards: TableClient) {}

  async findBoardId(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined> {
    try {
      const row = await this.boards.getEntity<{ boardId: string }>(
        boardKeys.placePartition(place.tenantId),
        boardKeys.place(place.placeKey),
      );
      return row.boardId;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStorageError(error, 'the board link');
    }
  }

  /**
   * Writes the profile, then claims the team or chat (a 409 means it already has a board). The two
   * rows are in different partitions, so no transaction: a profile whose claim failed is removed,
   * and a claim never points at a board without a profile.
   */
  async create(board: Board): Promise<void> {
    try {
      await this.boards.createEntity({
        partitionKey: board.id,
        rowKey: boardKeys.profile,
        v: ROW_SCHEMA_VERSION,
        json: JSON.stringify(board),
      });
    } catch (error) {
      throw translateStorageError(error, 'the board');
    }
    try {
      await this.boards.createEntity({
        partitionKey: boardKeys.placePartition(board.place.tenantId),
        rowKey: boardKeys.place(board.place.placeKey),
        boardId: board.id,
      });
    } catch (error) {
      await this.boards.deleteEntity(board.id, boardKeys.profile).catch(() => undefined);
      throw translateStorageError(error, 'a board for this team');
    }
  }

  async load(boardId: string): Promise<{ board: Board; links: BoardLink[] } | undefined> {
    let board: Board | undefined;
    const links: BoardLink[] = [];
    try {
      for await (const row of this.boards.listEntities<{ json: string; v?: unknown }>({
        queryOptions: { filter: odata`PartitionKey eq ${boardId}` },
      })) {
        if (row.rowKey === boardKeys.profile) board = parse<Board>('board', row);
        else links.push(parse<BoardLink>('boardLink', row));
      }
    } catch (error) {
      throw translateStorageError(error, 'the board');
    }
    return board ? { board, links } : undefined;
  }

  async link(boardId: string, link: BoardLink): Promise<void> {
    try {
      await this.boards.upsertEntity(
        {
          partitionKey: boardId,
          rowKey: boardKeys.cluster(link.clusterId),
          v: ROW_SCHEMA_VERSION,
          json: JSON.stringify(link),
        },
        'Replace',
      );
    } catch (error) {
      throw translateStorageError(error, 'the board link');
    }
  }

  async unlink(boardId: string, clusterId: string): Promise<void> {
    try {
      await this.boards.deleteEntity(boardId, boardKeys.cluster(clusterId));
    } catch (error) {
      if (isNotFound(error)) return;
      throw translateStorageError(error, 'the board link');
    }
  }
}
