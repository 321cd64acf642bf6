import type { Actor } from '../domain/actor';
import type { AcademicYear } from '../domain/calendar/academic-year';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { type ClusterWorkspace, requireLead } from './cluster-workspace';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** The year's plan for every agenda: a focus per half term and the standing items (leads only). */
export class MeetingPlanService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  async setFoci(place: Place, year: AcademicYear, foci: string[], actor: Actor): Promise<Outcome<string[]>> {
    const pupilData = refusePupilData(
      Object.fromEntries(foci.map((f, i) => [`focus ${i + 1}`, f])),
      this.workspace.clock(),
    );
    if (pupilData) return fail(pupilData);
    if (foci.length !== 6) return fail(`give six foci, one per half term (you gave ${foci.length})`);
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<string[]>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, foci: { ...cluster.profile.foci, [year]: foci } },
          changeLog: [changeRecord(actor, now, 'agenda', `Set the ${year} meeting foci.`)],
        },
        value: foci,
      });
    });
  }

  async setStandingItems(place: Place, items: string[], actor: Actor): Promise<Outcome<string[]>> {
    const pupilData = refusePupilData(
      Object.fromEntries(items.map((f, i) => [`standing item ${i + 1}`, f])),
      this.workspace.clock(),
    );
    if (pupilData) return fail(pupilData);
    if (items.length < 1 || items.length > 10) return fail('give between 1 and 10 standing items');
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<string[]>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, standingItems: items },
          changeLog: [changeRecord(actor, now, 'agenda', 'Changed the standing agenda items.')],
        },
        value: items,
      });
    });
  }
}
