import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace, School } from '../domain/clusters/cluster';
import { newMemberSchools } from '../domain/clusters/membership';
import type { InvisibleCharacter } from '../domain/imports/file-upload';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { groupByNetwork, type RosterRow, readRoster } from '../import/read-roster';
import { type ClusterWorkspace, requireLead } from './cluster-workspace';

export interface ImportReport {
  added: School[];
  unchanged: number;
  skipped: Array<{ line: number; reason: string }>;
  /** Schools of the same name, and how each is told apart. */
  toldApart: Array<{ name: string; as: string[] }>;
  network?: string;
  /** Invisible characters taken out of the file, by line. */
  invisible: InvisibleCharacter[];
}

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

/** Rosters: a pasted list of schools, or a GIAS or network file, imported all at once. */
export class RosterImportService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  /**
   * All-or-nothing: any bad row stops the import and every bad row is reported. Schools already
   * in the cluster are left as they are, so importing the same file twice changes nothing.
   */
  async importRoster(
    place: Place,
    text: string,
    actor: Actor,
    network?: string,
  ): Promise<Outcome<ImportReport>> {
    const roster = readRoster(text);
    if ('problem' in roster) return fail(roster.problem);
    for (const row of roster.rows) {
      const pupilData = refusePupilData(
        {
          [`school name on line ${row.line}`]: row.name,
          [`head's name on line ${row.line}`]: row.headName,
        },
        this.workspace.clock(),
      );
      if (pupilData) return fail(pupilData);
    }
    if (roster.rejected.length > 0) {
      const lines = roster.rejected.map((r) => `line ${r.line}: ${r.reason}`).join('; ');
      return fail(`nothing was imported, because ${roster.rejected.length} row(s) need fixing: ${lines}`);
    }
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<ImportReport>(cluster, actor);
      if (refused) return refused;
      let rows: RosterRow[] = roster.rows;
      let chosenNetwork: string | undefined;
      if (roster.format === 'network') {
        const groups = groupByNetwork(roster.rows);
        const wanted = (network ?? cluster.profile.name).trim().toLowerCase();
        chosenNetwork = [...groups.keys()].find((n) => n.toLowerCase() === wanted);
        if (!chosenNetwork) {
          return fail(
            `this file lists ${groups.size} networks (${[...groups.keys()].join(', ')}). Say which one is this cluster, ` +
              'e.g. `/school import Roots` followed by the file',
          );
        }
        rows = groups.get(chosenNetwork) ?? [];
      }
      const added = newMemberSchools(cluster, rows, now);
      if (added.length > 99) return fail('a cluster can import at most 99 schools at once');
      const value: ImportReport = {
        added,
        unchanged: rows.length - added.length,
        skipped: roster.skipped,
        toldApart: roster.toldApart.filter((t) => t.as.some((name) => rows.some((r) => r.name === name))),
        invisible: roster.invisible,
        ...(chosenNetwork ? { network: chosenNetwork } : {}),
      };
      if (added.length === 0) return succeed({ write: {}, value });
      return succeed({
        write: {
          profile: { ...cluster.profile, nextPosition: cluster.profile.nextPosition + added.length },
          schools: added,
          changeLog: [
            changeRecord(
              actor,
              now,
              'import',
              `Imported ${added.length} school(s)${chosenNetwork ? ` of ${chosenNetwork}` : ''}.`,
            ),
          ],
        },
        value,
      });
    });
  }
}
