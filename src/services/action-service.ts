import {
  type ActionStatus,
  type ClusterAction,
  changeStatus,
  openAction,
  STATUS_WORDS,
} from '../domain/actions/cluster-action';
import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace, ClusterSnapshot } from '../domain/clusters/cluster';
import { pickSchool } from '../domain/clusters/pick-school';
import { whoMay } from '../domain/clusters/who-may';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import type { LocalDate } from '../domain/time/local-date';
import { formatLocalDate, londonWallClock } from '../domain/time/london-time';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';

type Place = Pick<ClusterPlace, 'tenantId' | 'placeKey'>;

export interface NewAction {
  title: string;
  school: string;
  due: LocalDate;
  ownerPerson?: { userId: string; name: string };
  meetingId?: string;
}

/** Actions agreed by the cluster: added, listed, and moved through open, in progress, done or dropped. */
export class ActionService {
  constructor(private readonly workspace: ClusterWorkspace) {}

  async add(place: Place, input: NewAction, actor: Actor): Promise<Outcome<ClusterAction>> {
    const pupilData = refusePupilData({ action: input.title }, this.workspace.clock());
    if (pupilData) return fail(pupilData);
    if (input.title.length > 300) return fail('keep an action under 300 characters');
    return this.workspace.change(place, (cluster, now) => {
      const person = cluster.people.find((p) => p.userId === actor.userId);
      if (!person) return fail(`only people linked to ${cluster.profile.name} (with /join) can add actions`);
      const school = pickSchool(cluster, input.school);
      if (!school.ok) return school;
      const today = londonWallClock(now).date;
      if (input.due < today) return fail(`the due date ${formatLocalDate(input.due)} has already passed`);
      const number = cluster.profile.nextActionNumber ?? 1;
      const action = openAction(
        {
          id: `A${number}`,
          title: input.title,
          ownerSchoolId: school.value.id,
          ownerPerson: input.ownerPerson,
          due: input.due,
          meetingId: input.meetingId,
        },
        actor,
        now,
      );
      return succeed({
        write: {
          profile: { ...cluster.profile, nextActionNumber: number + 1 },
          actions: [action],
          changeLog: [
            changeRecord(actor, now, 'action', `Added action ${action.id} for ${school.value.name}.`),
          ],
        },
        value: action,
      });
    });
  }

  async setStatus(
    place: Place,
    id: string,
    status: ActionStatus,
    actor: Actor,
  ): Promise<Outcome<ClusterAction>> {
    return this.workspace.change(place, (cluster, now) => {
      const action = cluster.actions.find((a) => a.id.toLowerCase() === id.toLowerCase());
      if (!action) return fail(`there is no action ${id.toUpperCase()}. Type **/actions** to see them`);
      if (!whoMay.changeAction(cluster, action, actor.userId)) {
        return fail(`only ${action.id}'s owner school or a cluster lead can change it`);
      }
      const changed = changeStatus(action, status, actor, now);
      if (changed === action) return succeed({ write: {}, value: action });
      return succeed({
        write: {
          actions: [changed],
          changeLog: [changeRecord(actor, now, 'action', `${action.id} is now ${STATUS_WORDS[status]}.`)],
        },
        value: changed,
      });
    });
  }

  async all(place: Place): Promise<Outcome<{ cluster: ClusterSnapshot; today: LocalDate }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    return succeed({ cluster: stored.value, today: londonWallClock(this.workspace.clock()).date });
  }
}
