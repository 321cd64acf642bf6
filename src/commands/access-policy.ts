import { whoMay } from '../domain/clusters/who-may';
import type { ClusterWorkspace } from '../services/cluster-workspace';
import { type Audience, type Invocation, placeOf } from './command-definition';
import type { AccessPolicy } from './command-registry';

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
    // In a team or chat, Teams already limits who is there; a card in a personal chat does not.
    if (invocation.clusterPlaceKey && !whoMay.member(cluster.value, invocation.actor.userId)) {
      return {
        refused: `you are not linked to ${cluster.value.profile.name}. Use /join in its channel first`,
      };
    }
    if (audience === 'cluster-member') return true;
    return whoMay.lead(cluster.value, invocation.actor.userId);
  };
}
