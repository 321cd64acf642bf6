import { type Audience, type Invocation, placeOf } from '../commands/command-definition';
import type { AccessPolicy } from '../commands/command-registry';
import type { ClusterWorkspace } from './cluster-workspace';

/**
 * Who may use what, from the cluster of the team or chat the command was given in:
 * - anyone: everyone;
 * - cluster-member: anyone in a team or chat that holds a cluster (Teams already limits who is in it);
 * - chair / cluster-lead: people linked to the cluster as its lead (chairs get their own check
 *   once meetings have agendas).
 * A member of one cluster never reaches another's: the cluster comes from where they are.
 */
export function clusterAccessPolicy(workspace: ClusterWorkspace): AccessPolicy {
  return async (audience: Audience, invocation: Invocation) => {
    if (audience === 'anyone') return true;
    const cluster = await workspace.read(placeOf(invocation));
    if (!cluster) {
      return {
        refused:
          'this team or chat has no cluster yet. A cluster lead can create one with **/setup <name>**, for example `/setup Roots`',
      };
    }
    const person = cluster.value.people.find((p) => p.userId === invocation.actor.userId);
    // In a team or chat, Teams already limits who is there; a card in a personal chat does not.
    if (invocation.clusterPlaceKey && !person) {
      return {
        refused: `you are not linked to ${cluster.value.profile.name}. Use /join in its channel first`,
      };
    }
    if (audience === 'cluster-member') return true;
    return person?.role === 'cluster-lead';
  };
}
