import type { Clock } from './domain/clock';
import { guardWrites } from './services/pupil-data-gate';
import { MeetingRowsOncePerTurn, ReadOncePerTurn } from './services/turn-reads';
import { BoardRepository } from './storage/board-repository';
import { ClusterRepository } from './storage/cluster-repository';
import { ConversationRepository } from './storage/conversation-repository';
import { PerformanceRepository } from './storage/performance-repository';
import { PersonalDataRepository } from './storage/personal-data-repository';
import { RsvpRepository } from './storage/rsvp-repository';
import { SlotLedgerRepository } from './storage/slot-ledger-repository';
import type { TableStorage } from './storage/table-storage';

/**
 * One repository per kind of data, as the services see them: every write passes the pupil-data
 * gate, and cluster and meeting rows are read at most once per turn.
 */
export function composeStores(tables: TableStorage, clock: Clock) {
  return {
    conversations: new ConversationRepository(tables.table('conversations')),
    clusters: new ReadOncePerTurn(
      guardWrites(
        new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks'), clock),
        ['create', 'write'],
        clock,
      ),
    ),
    rsvps: new MeetingRowsOncePerTurn(
      guardWrites(new RsvpRepository(tables.table('clusters')), ['create', 'replace', 'saveGuest'], clock),
    ),
    boards: guardWrites(new BoardRepository(tables.table('boards')), ['create', 'link'], clock),
    personalData: new PersonalDataRepository({
      clusters: tables.table('clusters'),
      deliveries: tables.table('deliveries'),
      conversations: tables.table('conversations'),
      boards: tables.table('boards'),
    }),
    ledger: new SlotLedgerRepository(tables.table('deliveries')),
    performance: guardWrites(new PerformanceRepository(tables.table('clusters')), ['save'], clock),
  };
}
