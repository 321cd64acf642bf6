import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace, ClusterSnapshot, RotaChangeRecord } from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import { type BuiltRota, buildRota } from '../domain/rota/build-rota';
import { type RotaChangeOrder, rotaChangeRequest } from '../domain/rota/rota-change-order';
import { planRotaChange } from '../domain/rota/rota-changes';
import type { BoardRepRule } from '../domain/rota/rota-types';
import { rotaToIcs } from '../export/rota-ics';
import { type ClusterWorkspace, NO_CLUSTER, requireLead } from './cluster-workspace';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

const HISTORY_WINDOW_MS = 400 * 86_400_000;

export interface RotaView {
  cluster: ClusterSnapshot;
  rota: BuiltRota;
}

/** Reading and changing the rota of host schools. */
export class RotaService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  async view(place: Place): Promise<Outcome<RotaView>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    return succeed({ cluster: stored.value, rota: buildRota(stored.value, this.workspace.clock()) });
  }

  /** The latest changes to the cluster (from the last thirteen months: the log itself is kept whole). */
  async history(
    place: Place,
    latest = 15,
  ): Promise<Outcome<{ cluster: ClusterSnapshot; changes: RotaChangeRecord[] }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const since = new Date(this.workspace.clock().getTime() - HISTORY_WINDOW_MS);
    const changes = await this.workspace.store.recentChanges(stored.value.profile.id, since);
    const newestFirst = [...changes].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, latest);
    return succeed({ cluster: stored.value, changes: newestFirst });
  }

  async calendarFile(clusterId: string): Promise<Outcome<{ name: string; ics: string }>> {
    const stored = await this.workspace.store.load(clusterId);
    if (!stored) return fail('that cluster no longer exists');
    const now = this.workspace.clock();
    const cluster = stored.value;
    const ics = rotaToIcs({
      clusterId,
      clusterName: cluster.profile.name,
      meetings: buildRota(cluster, now).meetings,
      generatedAt: now,
    });
    return succeed({ name: cluster.profile.name, ics });
  }

  /**
   * Swaps, passes, skips, moves and venues. Cluster leads may change any upcoming meeting; a head
   * may change only meetings their own school hosts (or is being swapped into).
   */
  async change(place: Place, order: RotaChangeOrder, actor: Actor): Promise<Outcome<{ summary: string }>> {
    const pupilData = refusePupilData(
      { venue: order.kind === 'venue' ? order.venue : undefined },
      this.workspace.clock(),
    );
    if (pupilData) return fail(pupilData);
    return this.workspace.change(place, (cluster, now) => {
      const rota = buildRota(cluster, now);
      const request = rotaChangeRequest(rota.meetings, order);
      if (typeof request === 'string') return fail(request);
      const result = planRotaChange(rota.meetings, request, {
        calendars: cluster.calendars,
        isClosed: rota.isClosed,
      });
      if (!result.ok) return result;
      if (!whoMay.changeMeeting(cluster, result.affectedSchools, actor.userId)) {
        return fail('only a cluster lead, or the head of a school whose meeting this is, can change it');
      }
      return succeed({
        write: {
          meetingChanges: result.changes,
          changeLog: [changeRecord(actor, now, request.kind, result.summary)],
        },
        value: { summary: result.summary },
      });
    });
  }

  /** When this cluster's reminders go out (London time). */
  async setReminderTime(place: Place, time: string, actor: Actor): Promise<Outcome<{ summary: string }>> {
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<{ summary: string }>(cluster, actor);
      if (refused) return refused;
      const summary = `Reminders now go out at ${time} (London time): a week before each meeting, a nudge two days before, and the chair's summary the day before.`;
      return succeed({
        write: {
          profile: { ...cluster.profile, reminderTime: time },
          changeLog: [changeRecord(actor, now, 'reminders', summary)],
        },
        value: { summary },
      });
    });
  }

  async setBoardRep(
    place: Place,
    choice: 'yearly' | 'termly' | string,
    actor: Actor,
  ): Promise<Outcome<{ summary: string }>> {
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<{ summary: string }>(cluster, actor);
      if (refused) return refused;
      let rule: BoardRepRule;
      let summary: string;
      if (choice === 'yearly' || choice === 'termly') {
        rule = { kind: choice === 'yearly' ? 'rotate-yearly' : 'rotate-termly' };
        summary = `The board representative now rotates between member schools each ${choice === 'yearly' ? 'year' : 'term'}.`;
      } else {
        const school = pickSchool(cluster, choice);
        if (!school.ok) return school;
        rule = { kind: 'fixed', schoolId: school.value.id };
        summary = `${school.value.name} now represents the cluster on the board.`;
      }
      return succeed({
        write: {
          profile: { ...cluster.profile, boardRep: rule },
          changeLog: [changeRecord(actor, now, 'board', summary)],
        },
        value: { summary },
      });
    });
  }
}
