import type { Actor } from '../domain/actor';
import type { ClusterPlace, School } from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { mentionsSchool, type StoredRecord } from '../domain/privacy/stored-records';
import { type SubjectExport, subjectExport } from '../domain/privacy/subject-export';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import { identitiesOf, mentionsAny, tenantRecords } from './personal-records';
import type { PersonalDataStore } from './privacy-port';

/**
 * A data-protection officer's first question: "everything you hold about this school, or this
 * person". Who may ask is checked when the link is made; the file is built when it is opened.
 */
export class PrivacyExportService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly data: PersonalDataStore,
  ) {}

  /** The school an export is for, if the actor may have it: a lead, or the school's head. */
  async schoolToExport(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    reference: string,
    actor: Actor,
  ): Promise<Outcome<{ clusterId: string; school: School }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    const picked = pickSchool(cluster, reference, { includingLeavers: true });
    if (!picked.ok) return picked;
    const found = picked.value;
    if (!whoMay.leadOrHeadOf(cluster, found.id, actor.userId))
      return fail(
        `only a cluster lead, or the head of ${found.name}, can export what Clusterbot holds about ${found.name}`,
      );
    return succeed({ clusterId: cluster.profile.id, school: found });
  }

  /** Every record of the cluster about the school or anyone linked to it. */
  async schoolExport(clusterId: string, schoolId: string): Promise<Outcome<SubjectExport>> {
    const records = await this.data.clusterRecords(clusterId);
    const school = records.find((r) => r.kind === 'school' && (r.value as School).id === schoolId)?.value as
      | School
      | undefined;
    if (!school) return fail('that school is no longer stored');
    const people = records
      .filter((r) => r.kind === 'person' && (r.value as { schoolId?: string }).schoolId === schoolId)
      .map((r) => r.value as { userId: string; name: string });
    const about = (r: StoredRecord) => mentionsSchool(r.value, school) || mentionsAny(r, people);
    return succeed(
      subjectExport({ kind: 'school', label: school.name }, records.filter(about), this.workspace.clock()),
    );
  }

  /**
   * Every record in the tenant naming the person (anyone may have their own): by their Teams id,
   * or by a name they are linked under (the link carries no name, so neither does any log).
   */
  async personExport(tenantId: string, userId: string): Promise<Outcome<SubjectExport>> {
    const all = await tenantRecords(tenantId, this.workspace.store, this.data);
    const identities = identitiesOf(all, userId, '');
    const records = [...[...all.clusters.values()].flat(), ...all.conversations, ...all.boards].filter((r) =>
      mentionsAny(r, identities),
    );
    const label = identities.find((i) => i.name)?.name ?? 'you';
    return succeed(subjectExport({ kind: 'person', label }, records, this.workspace.clock()));
  }
}
