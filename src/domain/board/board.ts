import type { ClusterPlace } from '../clusters/cluster';

/**
 * A board (a city's primary steering group, a county's partnership board) watches several
 * clusters from its own team or chat. It sees aggregates and published documents only.
 */
export interface Board {
  id: string;
  name: string;
  place: ClusterPlace;
  createdAt: Date;
  createdBy: string;
  createdByName: string;
  /** Who may link and unlink clusters: whoever set the board up, to begin with. */
  admins: string[];
}

export interface BoardLink {
  clusterId: string;
  clusterName: string;
  linkedAt: Date;
  linkedBy: string;
}
