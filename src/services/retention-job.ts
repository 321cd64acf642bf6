import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { LEADS_ONLY, whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { type RetentionRule, type RetentionRules, retentionDue } from '../domain/privacy/retention';
import { londonWallClock } from '../domain/time/london-time';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import { withProfiles } from './personal-records';
import type { SlotLedger } from './ports';
import type { PersonalDataStore } from './privacy-port';
import { ConcurrentUpdateError } from './storage-errors';

/** A day's retention run of a cluster is one instance's for this long, then anyone's again. */
const CLAIM_MS = 10 * 60_000;

export interface RetentionReport {
  rules: RetentionRules;
  due: Map<RetentionRule, number>;
}

/**
 * Retention as scheduled, state-driven work like the reminders: each day, for each cluster, the
 * day's run is claimed once across instances (a row in Deliveries), what the rules say is due is
 * read from storage and deleted, and the run is recorded. A day missed (downtime) costs nothing:
 * the next run deletes everything that has fallen due since.
 */
export class RetentionJob {
  constructor(
    private readonly deps: {
      workspace: ClusterWorkspace;
      data: PersonalDataStore;
      ledger: SlotLedger;
      rules: RetentionRules;
      clock: Clock;
      instance: string;
    },
  ) {}

  /** What the rules would delete now in this cluster, for a lead (nothing is deleted). */
  async report(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    actor: Actor,
  ): Promise<Outcome<RetentionReport>> {
    const stored = await this.deps.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    if (!whoMay.lead(stored.value, actor.userId)) return fail(LEADS_ONLY(stored.value));
    const records = await this.deps.data.clusterRecords(stored.value.profile.id);
    return succeed({
      rules: this.deps.rules,
      due: retentionDue(records, this.deps.rules, this.deps.clock()).counts,
    });
  }

  /** One run over every cluster: how many records each deleted (clusters another instance ran are left out). */
  async tick(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const clusterId of await this.deps.workspace.store.listClusterIds()) {
      const count = await this.runCluster(clusterId);
      if (count !== undefined) deleted[clusterId] = count;
    }
    return deleted;
  }

  private async runCluster(clusterId: string): Promise<number | undefined> {
    const { ledger, data, rules, clock, instance } = this.deps;
    const now = clock();
    const slotId = `retention|${londonWallClock(now).date}`;
    if ((await ledger.finished(clusterId)).has(slotId)) return undefined;
    if (!(await ledger.claim(clusterId, slotId, instance, now, CLAIM_MS))) return undefined;
    for (let attempt = 1; ; attempt++) {
      const records = await data.clusterRecords(clusterId);
      const { changes, counts } = retentionDue(records, rules, now);
      const profile = records.filter((r) => r.kind === 'profile');
      const summary = [...counts]
        .filter(([, n]) => n > 0)
        .map(([rule, n]) => `${n} under ${rule}`)
        .join(', ');
      try {
        if (changes.length > 0)
          await data.apply(withProfiles(changes, profile), [
            {
              clusterId,
              entry: {
                at: now,
                by: 'clusterbot',
                byName: 'Clusterbot',
                kind: 'retention',
                summary: `Retention: deleted ${summary}.`,
              },
            },
          ]);
        await ledger.finish(clusterId, slotId, 'sent', now, `deleted ${changes.length}`);
        return changes.length;
      } catch (error) {
        // Someone changed the cluster while we worked: read again and work it out again.
        if (!(error instanceof ConcurrentUpdateError) || attempt >= 5) throw error;
      }
    }
  }
}
