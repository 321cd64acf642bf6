import type { Actor } from '../domain/actor';
import { type AcademicYear, halfTermName } from '../domain/calendar/academic-year';
import { checkTermDates, type HalfTermDates } from '../domain/calendar/term-dates';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { buildRota } from '../domain/rota/build-rota';
import type { LocalDate } from '../domain/time/local-date';
import { type ClusterWorkspace, requireLead } from './cluster-workspace';

/** Term and half-term dates, set per cluster (councils and trusts publish different dates). */
export class CalendarService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  async setTermDates(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    year: AcademicYear,
    halfTerms: HalfTermDates[],
    closures: LocalDate[],
    actor: Actor,
  ): Promise<Outcome<{ year: AcademicYear; meetings: number }>> {
    const problems = checkTermDates(year, halfTerms);
    if (problems.length > 0) return fail(`those dates can't be used: ${problems.join('; ')}`);
    const outOfYear = closures.filter(
      (d) => d < `${year.slice(0, 4)}-08-01` || d > `${Number(year.slice(0, 4)) + 1}-08-31`,
    );
    if (outOfYear.length > 0) return fail(`closure days ${outOfYear.join(', ')} are outside ${year}`);

    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<{ year: AcademicYear; meetings: number }>(cluster, actor);
      if (refused) return refused;
      const previous = cluster.calendars.find((c) => c.year === year);
      // Past meetings are never rewritten: half terms whose meeting has happened keep their dates.
      const held = buildRota(cluster, now).meetings.filter((m) => m.year === year && m.status === 'held');
      for (const meeting of held) {
        const before = previous?.halfTerms.find((h) => h.halfTerm === meeting.halfTerm);
        const after = halfTerms.find((h) => h.halfTerm === meeting.halfTerm);
        if (before && after && (before.start !== after.start || before.end !== after.end)) {
          return fail(
            `${halfTermName(meeting.halfTerm)} ${year} has already had its meeting, so its dates can't change`,
          );
        }
      }
      const calendar = {
        year,
        halfTerms: [...halfTerms].sort((a, b) => a.halfTerm - b.halfTerm),
        closures: [...new Set(closures)].sort(),
      };
      const next = { ...cluster, calendars: [...cluster.calendars.filter((c) => c.year !== year), calendar] };
      const rota = buildRota(next, now);
      if (rota.problems.length > 0) return fail(rota.problems.join('; '));
      return succeed({
        write: {
          calendars: [calendar],
          changeLog: [
            changeRecord(actor, now, 'terms', `${previous ? 'Changed' : 'Set'} the ${year} term dates.`),
          ],
        },
        value: { year, meetings: rota.meetings.filter((m) => m.year === year).length },
      });
    });
  }
}
