import type { Actor } from '../domain/actor';
import { academicYearOf, academicYearStarting, startYearOf } from '../domain/calendar/academic-year';
import type { ClusterPlace, ClusterSnapshot, School } from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { MEASURES, type MeasureId } from '../domain/performance/measures';
import type { SchoolResults } from '../domain/performance/results';
import { londonWallClock } from '../domain/time/london-time';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import type { PerformanceStore } from './performance-port';

/** What the DfE does not publish per school: phonics, KS1, and the partnership's own indicators. */
export const SCHOOL_ENTERED: MeasureId[] = ['phonics-y1', 'ks1-rwm-expected', 'attendance'];

export type Entry = { measure: MeasureId; value: number; cohort: number };

/** A school's own figures, entered by its head (or a lead) with each figure's cohort. */
export class PerformanceEntryService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly store: PerformanceStore,
  ) {}

  /** The results a school enters now are last school year's (the phonics check is in June). */
  latestYear(): string {
    const start = startYearOf(academicYearOf(londonWallClock(this.workspace.clock()).date)) - 1;
    return academicYearStarting(start);
  }

  /** The school and what it has entered for the year, if the actor may enter its figures. */
  async form(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    actor: Actor,
    year: string,
    schoolReference?: string,
  ): Promise<Outcome<{ cluster: ClusterSnapshot; school: School; entered?: SchoolResults }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    const school = schoolFor(cluster, actor, schoolReference);
    if (!school.ok) return school;
    if (!whoMay.leadOrHeadOf(cluster, school.value.id, actor.userId))
      return fail(`only a cluster lead, or the head of ${school.value.name}, can enter its figures`);
    const data = await this.store.load(cluster.profile.id);
    const entered = data.schools.find(
      (r) => r.urn === keyOf(school.value) && r.year === year && r.source === 'school-entered',
    );
    return succeed({ cluster, school: school.value, ...(entered ? { entered } : {}) });
  }

  async enter(
    clusterId: string,
    schoolId: string,
    year: string,
    actor: Actor,
    entries: Entry[],
  ): Promise<Outcome<{ school: School; entered: SchoolResults }>> {
    const stored = await this.workspace.store.load(clusterId);
    if (!stored) return fail('this cluster no longer exists');
    const school = stored.value.schools.find((s) => s.id === schoolId);
    if (!school) return fail('that school is no longer in the cluster');
    if (!whoMay.leadOrHeadOf(stored.value, school.id, actor.userId))
      return fail(`only a cluster lead, or the head of ${school.name}, can enter its figures`);
    for (const entry of entries) {
      if (!SCHOOL_ENTERED.includes(entry.measure))
        return fail(`${MEASURES[entry.measure].label} comes from the DfE's files`);
      if (entry.value < 0 || entry.value > 100)
        return fail(`${MEASURES[entry.measure].label} is a percentage between 0 and 100`);
      if (!Number.isInteger(entry.cohort) || entry.cohort < 1)
        return fail(`give the number of pupils for ${MEASURES[entry.measure].label} (a whole number)`);
    }
    const data = await this.store.load(clusterId);
    const before = data.schools.find(
      (r) => r.urn === keyOf(school) && r.year === year && r.source === 'school-entered',
    );
    const result: SchoolResults = {
      urn: keyOf(school),
      year,
      figures: {
        ...before?.figures,
        ...Object.fromEntries(entries.map((e) => [e.measure, { value: e.value }])),
      },
      enteredCohorts: {
        ...before?.enteredCohorts,
        ...Object.fromEntries(entries.map((e) => [e.measure, e.cohort])),
      },
      source: 'school-entered',
    };
    await this.store.save(clusterId, { schools: [result] });
    return succeed({ school, entered: result });
  }
}

/** Published rows are by URN; a school without one enters under its id. */
const keyOf = (school: School) => school.urn ?? school.id;

function schoolFor(cluster: ClusterSnapshot, actor: Actor, reference?: string): Outcome<School> {
  if (reference) return pickSchool(cluster, reference);
  const own = cluster.people.find((p) => p.userId === actor.userId)?.schoolId;
  const school = cluster.schools.find((s) => s.id === own);
  return school
    ? succeed(school)
    : fail('you are not linked to a school: say which, e.g. /performance enter 2025-26 for Earlsdon');
}
