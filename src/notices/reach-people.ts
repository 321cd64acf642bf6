import type { ClusterPlace } from '../domain/clusters/cluster';
import { inParallel, SENDS_IN_FLIGHT_PER_SLOT } from '../services/in-parallel';
import type { SendOnce } from '../services/notices-port';
import type { OutgoingMessage } from '../views/outgoing-message';
import type { Messenger } from './messenger';

type Person = { userId: string; name: string };

/** Sends now, with no per-slot record (for messages that are not part of a scheduled round). */
export const sendNow: SendOnce = (_recipient, send) => send();

export interface Reach {
  /** People reached in their 1:1 chat with Clusterbot. */
  privately: number;
  /** People @mentioned in the channel instead (they have no 1:1 chat with Clusterbot). */
  mentioned: number;
  /** Whether a channel post was made. */
  inChannel: boolean;
}

/**
 * The house rule for telling particular people something: in their 1:1 chat with Clusterbot
 * where they have one; otherwise (or when there is no one to tell) one post in the cluster's
 * channel @mentioning those without a chat. `channel` words that post; it is told who is missing.
 */
export async function reachPeople(
  messenger: Messenger,
  once: SendOnce,
  place: ClusterPlace,
  people: readonly Person[],
  message: OutgoingMessage,
  channel: (withoutChat: Person[]) => OutgoingMessage | undefined,
): Promise<Reach> {
  // Side by side: the messenger paces them within Teams' limits.
  const results = await inParallel(people, SENDS_IN_FLIGHT_PER_SLOT, (person) =>
    once(`person:${person.userId}`, () => messenger.sendToPerson(place.tenantId, person.userId, message)),
  );
  const withoutChat = people
    .filter((_, i) => results[i] === 'no-chat')
    .map(({ userId, name }) => ({ userId, name }));
  const post = people.length === 0 || withoutChat.length > 0 ? channel(withoutChat) : undefined;
  if (post) {
    await once('channel', () => messenger.postToCluster(place, { ...post, mentions: withoutChat }));
  }
  return {
    privately: people.length - withoutChat.length,
    mentioned: withoutChat.length,
    inChannel: post !== undefined,
  };
}
