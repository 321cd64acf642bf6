import { MessengerNotices } from '../../src/notices/cluster-notices';
import type { Messenger } from '../../src/notices/messenger';
import { ClusterWorkspace } from '../../src/services/cluster-workspace';
import { ReminderJob } from '../../src/services/reminder-job';
import { RsvpService } from '../../src/services/rsvp-service';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { RsvpRepository } from '../../src/storage/rsvp-repository';
import { SlotLedgerRepository } from '../../src/storage/slot-ledger-repository';
import { TableStorage } from '../../src/storage/table-storage';
import type { OutgoingMessage } from '../../src/views/outgoing-message';

export interface ReminderJobFixture {
  connectionString: string;
  tablePrefix: string;
  instance: string;
  /** Where each send is reported (POST, JSON { instance, to }) before it "takes" sendMs. */
  recorder: string;
  leaseMs: number;
  sendMs: number;
  /** Real time shifted to the scenario's day, the same in every instance. */
  clockOffsetMs: number;
}

/** A reminder round over real storage whose messenger reports to a recorder and is slow. */
export function composeReminderJob(fixture: ReminderJobFixture): ReminderJob {
  const tables = new TableStorage({
    connectionString: fixture.connectionString,
    tablePrefix: fixture.tablePrefix,
  });
  const clock = () => new Date(Date.now() + fixture.clockOffsetMs);
  const workspace = new ClusterWorkspace(
    new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
    clock,
  );
  const send = async (to: string, _message: OutgoingMessage) => {
    await fetch(fixture.recorder, {
      method: 'POST',
      body: JSON.stringify({ instance: fixture.instance, to }),
    });
    await new Promise((resolve) => setTimeout(resolve, fixture.sendMs));
    return { ok: true as const };
  };
  const messenger: Messenger = {
    postToCluster: (place, message) => send(`channel:${place.conversationId}`, message),
    updateInCluster: async () => ({ ok: true }),
    sendToPerson: (_tenant, userId, message) => send(`person:${userId}`, message),
  };
  return new ReminderJob({
    store: workspace.store,
    ledger: new SlotLedgerRepository(tables.table('deliveries')),
    rsvp: new RsvpService(workspace, new RsvpRepository(tables.table('clusters'))),
    notices: new MessengerNotices(messenger, () => ({ html: '', markdown: '' }), clock),
    clock,
    instance: fixture.instance,
    leaseMs: fixture.leaseMs,
  });
}
