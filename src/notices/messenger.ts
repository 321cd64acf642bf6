import type { ClusterPlace } from '../domain/clusters/cluster';
import type { SendOutcome } from '../services/notices-port';
import type { OutgoingMessage } from '../views/outgoing-message';

/** Proactive sending, implemented by the chat edge. Never messages anyone the bot has no conversation with. */
export interface Messenger {
  postToCluster(place: ClusterPlace, message: OutgoingMessage): Promise<SendOutcome>;
  /** Replaces a message the bot posted in the cluster's channel (e.g. a re-published agenda). */
  updateInCluster(place: ClusterPlace, activityId: string, message: OutgoingMessage): Promise<SendOutcome>;
  sendToPerson(tenantId: string, userId: string, message: OutgoingMessage): Promise<SendOutcome | 'no-chat'>;
}
