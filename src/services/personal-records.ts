import type { ClusterPerson } from '../domain/clusters/cluster';
import {
  mentionsPerson,
  type PersonIdentity,
  type RecordChange,
  type StoredRecord,
} from '../domain/privacy/stored-records';
import { inParallel } from './in-parallel';
import type { ClusterStore } from './ports';
import type { PersonalDataStore } from './privacy-port';

/** Clusters read side by side when a person's records are gathered across a county's tenant. */
const CLUSTERS_AT_ONCE = 4;

export interface TenantRecords {
  /** Each cluster's records, by cluster id. */
  clusters: Map<string, StoredRecord[]>;
  conversations: StoredRecord[];
  boards: StoredRecord[];
}

/** Everything stored in a tenant that could name a person: its clusters, chats and boards. */
export async function tenantRecords(
  tenantId: string,
  clusters: ClusterStore,
  data: PersonalDataStore,
): Promise<TenantRecords> {
  const profiles = await clusters.profilesInTenant(tenantId);
  const read = await inParallel(profiles, CLUSTERS_AT_ONCE, (p) => data.clusterRecords(p.id));
  return {
    clusters: new Map(profiles.map((p, i) => [p.id, read[i] ?? []])),
    conversations: await data.conversationRecords(tenantId),
    boards: await data.boardRecords(tenantId),
  };
}

/**
 * The person as every cluster knows them: their Teams ids and each name they are linked under
 * (a name typed for one cluster may differ from another's), and the name they have now.
 */
export function identitiesOf(all: TenantRecords, userId: string, nameNow: string, aadObjectId?: string) {
  const identities: PersonIdentity[] = [];
  for (const records of all.clusters.values())
    for (const record of records) {
      const person = record.value as ClusterPerson;
      if (record.kind === 'person' && person.userId === userId)
        identities.push({
          userId,
          name: person.name,
          role: person.role,
          ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
        });
    }
  // Last, so a name they are linked under as a head is replaced by "Former head" first.
  identities.push({ userId, name: nameNow, ...(aadObjectId ? { aadObjectId } : {}) });
  return identities;
}

export const mentionsAny = (record: StoredRecord, identities: readonly PersonIdentity[]) =>
  identities.some((identity) => mentionsPerson(record.value, identity));

/**
 * Each changed cluster's profile is rewritten as it is, under the ETag it was read at: every
 * change to a cluster does that, so one made while the erasure runs fails and is done again.
 */
export function withProfiles(changes: RecordChange[], profiles: readonly StoredRecord[]): RecordChange[] {
  const touched = new Set(
    changes.filter((c) => c.record.table === 'clusters').map((c) => c.record.partition),
  );
  const extra = profiles
    .filter((p) => touched.has(p.partition) && !changes.some((c) => c.record === p))
    .map((p): RecordChange => ({ record: p, to: p.value }));
  return [...changes, ...extra];
}
