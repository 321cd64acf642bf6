import type { Actor } from '../domain/actor';
import { HALF_TERM_NAMES } from '../domain/calendar/academic-year';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { LEADS_ONLY, whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { MEASURES, type MeasureId } from '../domain/performance/measures';
import { CLUSTER_ROW_LABEL } from '../domain/performance/performance-table';
import type { PerformanceTarget } from '../domain/performance/results';
import {
  reviewSummary,
  reviewTargets,
  type TargetReview,
  targetProblem,
} from '../domain/performance/targets';
import { type ClusterWorkspace, NO_CLUSTER, requireLead } from './cluster-workspace';
import type { PerformanceStore } from './performance-port';
import type { PerformanceService } from './performance-service';

export const CLUSTER_TARGET = 'cluster';

/** Targets year on year: set by a school's head (or a lead) and by the cluster (leads). */
export class TargetsService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly store: PerformanceStore,
    private readonly performance: PerformanceService,
  ) {}

  async set(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    actor: Actor,
    input: { measure: MeasureId; year: string; value: number; school?: string },
  ): Promise<Outcome<{ label: string; target: PerformanceTarget }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    const problem = targetProblem(input.measure, input.value);
    if (problem) return fail(problem);
    let key = CLUSTER_TARGET;
    let label = cluster.profile.name;
    if (!input.school || input.school.toLowerCase() === CLUSTER_TARGET) {
      if (!whoMay.lead(cluster, actor.userId)) return fail(LEADS_ONLY(cluster));
    } else {
      const picked = pickSchool(cluster, input.school);
      if (!picked.ok) return picked;
      const found = picked.value;
      if (!whoMay.leadOrHeadOf(cluster, found.id, actor.userId))
        return fail(`only a cluster lead, or the head of ${found.name}, can set its targets`);
      key = found.id;
      label = found.name;
    }
    const { measure, year, value } = input;
    const target: PerformanceTarget = {
      for: key,
      measure,
      year,
      value,
      setBy: actor.userId,
      setAt: this.workspace.clock(),
    };
    await this.store.save(cluster.profile.id, { targets: [target] });
    return succeed({ label, target });
  }

  /** Which half term's meeting reviews performance against targets (leads; autumn 2 unless set). */
  async reviewAt(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>, actor: Actor, halfTerm: number) {
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<number>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, performanceReviewHalfTerm: halfTerm },
          changeLog: [
            changeRecord(
              actor,
              now,
              'performance',
              `Performance is reviewed at the ${HALF_TERM_NAMES[halfTerm - 1]} meeting.`,
            ),
          ],
        },
        value: halfTerm,
      });
    });
  }

  /** The review in one line, for the agenda of the review meeting (undefined when there are no figures). */
  async summary(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>): Promise<string | undefined> {
    const reviewed = await this.review(place, {});
    if (!reviewed.ok) return undefined;
    const { year, measure, reviews } = reviewed.value;
    return reviewSummary(year, MEASURES[measure].label, reviews, CLUSTER_ROW_LABEL, MEASURES[measure].unit);
  }

  /** The table's latest year against the targets set for it. */
  async review(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    choice: { year?: string; measure?: MeasureId },
  ): Promise<
    Outcome<{ year: string; measure: MeasureId; reviews: Array<{ label: string; review: TargetReview }> }>
  > {
    const built = await this.performance.table(place, choice);
    if (!built.ok) return built;
    const { cluster, table, data } = built.value;
    const keyOf = (label: string, kind: string) =>
      kind === 'cluster' ? CLUSTER_TARGET : cluster.schools.find((s) => s.name === label)?.id;
    return succeed({
      year: table.years.at(-1) ?? '',
      measure: table.measure,
      reviews: reviewTargets(table, data.targets, keyOf),
    });
  }
}
