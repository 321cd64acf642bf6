import type { Actor } from '../domain/actor';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { LEADS_ONLY, whoMay } from '../domain/clusters/who-may';
import type { FileKind, UploadTarget } from '../domain/imports/file-upload';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';

/**
 * Uploading a file as downloaded (Teams cannot attach files to a bot in a channel): a cluster
 * lead asks for a link that imports one kind of file into their cluster, as them.
 */
export class FileUploadService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  /** Whom the link is for (leads only), and the cluster's name for the card. */
  async target(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    actor: Actor,
    kind: FileKind,
    option: string,
  ): Promise<Outcome<{ target: UploadTarget; clusterName: string }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    if (!whoMay.lead(cluster, actor.userId)) return fail(LEADS_ONLY(cluster));
    return succeed({
      target: { kind, tenantId: place.tenantId, placeKey: place.placeKey, userId: actor.userId, option },
      clusterName: cluster.profile.name,
    });
  }

  /** The uploader's name as the cluster knows it (for the change log), if they are still linked. */
  async nameOf(target: UploadTarget): Promise<string | undefined> {
    const stored = await this.workspace.read(target);
    return stored?.value.people.find((p) => p.userId === target.userId)?.name;
  }

  /** The cluster's name, for the upload page's heading; undefined once the cluster is gone. */
  async clusterNameOf(target: UploadTarget): Promise<string | undefined> {
    return (await this.workspace.read(target))?.value.profile.name;
  }
}
