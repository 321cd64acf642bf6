import type { Actor } from '../domain/actor';
import type { ClusterPerson, ClusterPlace, School } from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { LEADS_ONLY, whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { changesOf, eraseSchoolIn, forgetPeopleIn } from '../domain/privacy/erasure';
import { type ErasurePlan, erasurePlan } from '../domain/privacy/erasure-plan';
import {
  FORMER_MEMBER,
  FORMER_MEMBER_ID,
  type RecordChange,
  type StoredRecord,
} from '../domain/privacy/stored-records';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import { identitiesOf, tenantRecords, withProfiles } from './personal-records';
import type { PersonalDataStore } from './privacy-port';
import { retryOnConflict } from './storage-errors';

export type ErasureSubject =
  | { kind: 'school'; clusterId: string; schoolId: string; label: string }
  | { kind: 'person'; tenantId: string; userId: string; label: string; self: boolean };

/**
 * Erasing a school that has left (a lead) and forgetting a person (a lead, or the person): a plan
 * first, shown on a card, then the same changes on a confirm click. Every changed partition's
 * rows change in one transaction, with the cluster's profile rewritten under its ETag so a change
 * made meanwhile is refused and the erasure worked out again.
 */
export class ErasureService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly data: PersonalDataStore,
  ) {}

  async schoolSubject(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    reference: string,
    actor: Actor,
  ): Promise<Outcome<ErasureSubject>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    if (!whoMay.lead(cluster, actor.userId)) return fail(LEADS_ONLY(cluster));
    const picked = pickSchool(cluster, reference, { includingLeavers: true });
    if (!picked.ok) return picked;
    const found = picked.value;
    if (!found.leftOn)
      return fail(
        `${found.name} is still a member. Only a school that has left can be erased: use **/school leave ${found.name}** first`,
      );
    return succeed({ kind: 'school', clusterId: cluster.profile.id, schoolId: found.id, label: found.name });
  }

  async personSubject(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    person: { userId: string; name: string },
    actor: Actor,
  ): Promise<Outcome<ErasureSubject>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    if (!whoMay.forgetPerson(stored.value, person.userId, actor.userId))
      return fail(
        `only a cluster lead of ${stored.value.profile.name}, or ${person.name} themselves, can do that`,
      );
    const self = person.userId === actor.userId;
    return succeed({
      kind: 'person',
      tenantId: place.tenantId,
      userId: person.userId,
      label: person.name,
      self,
    });
  }

  /** What "/privacy erase" or "/privacy forget" would do, for the card that asks to confirm. */
  async plan(
    subject: Outcome<ErasureSubject>,
    actor: Actor,
  ): Promise<Outcome<{ subject: ErasureSubject; plan: ErasurePlan }>> {
    if (!subject.ok) return subject;
    const changes = await this.changesFor(subject.value, actor);
    return changes.ok ? succeed({ subject: subject.value, plan: erasurePlan(changes.value) }) : changes;
  }

  /** Does it: the plan's changes, worked out again from what is stored now. */
  async erase(subject: ErasureSubject, actor: Actor): Promise<Outcome<ErasurePlan>> {
    return retryOnConflict(async () => {
      const changes = await this.changesFor(subject, actor);
      if (!changes.ok) return changes;
      const clusters = [
        ...new Set(changes.value.filter((c) => c.record.table === 'clusters').map((c) => c.record.partition)),
      ];
      const entry = {
        at: this.workspace.clock(),
        by: subject.kind === 'person' && subject.self ? FORMER_MEMBER_ID : actor.userId,
        byName: subject.kind === 'person' && subject.self ? FORMER_MEMBER : actor.name,
        kind: 'privacy',
        summary:
          subject.kind === 'school'
            ? `Erased the personal data held about a school that has left (${changes.value.length} records changed).`
            : `Forgot a person on request (${changes.value.length} records changed).`,
      };
      await this.data.apply(
        changes.value,
        clusters.map((clusterId) => ({ clusterId, entry })),
      );
      return succeed(erasurePlan(changes.value));
    });
  }

  private async changesFor(subject: ErasureSubject, actor: Actor): Promise<Outcome<RecordChange[]>> {
    if (subject.kind === 'school') {
      const records = await this.data.clusterRecords(subject.clusterId);
      const profile = records.find((r) => r.kind === 'profile');
      if (!profile) return fail('this cluster no longer exists');
      const people = records
        .filter((r) => r.kind === 'person' && (r.value as ClusterPerson).schoolId === subject.schoolId)
        .map((r) => r.value as ClusterPerson);
      const school = records.find((r) => r.kind === 'school' && (r.value as School).id === subject.schoolId);
      if (!school) return fail('that school is no longer stored');
      return succeed(
        withProfiles(
          changesOf(records, (r) => eraseSchoolIn(r, subject.schoolId, people)),
          [profile],
        ),
      );
    }
    const all = await tenantRecords(subject.tenantId, this.workspace.store, this.data);
    const identities = identitiesOf(all, subject.userId, subject.label);
    const changes: RecordChange[] = [];
    const profiles: StoredRecord[] = [];
    for (const records of all.clusters.values()) {
      const people = records.filter((r) => r.kind === 'person').map((r) => r.value as ClusterPerson);
      // A lead forgets someone in the clusters they lead; a person forgets themselves everywhere.
      if (!subject.self && !whoMay.lead({ people }, actor.userId)) continue;
      const profile = records.find((r) => r.kind === 'profile');
      if (profile) profiles.push(profile);
      changes.push(...changesOf(records, (r) => forgetPeopleIn(r, identities)));
    }
    changes.push(...changesOf([...all.conversations, ...all.boards], (r) => forgetPeopleIn(r, identities)));
    return succeed(withProfiles(changes, profiles));
  }
}
