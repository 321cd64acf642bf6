import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor';
import type { MeetingPattern } from '../domain/calendar/meeting-pattern';
import type { ClusterPlace, ClusterProfile, ClusterRole } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { refusePupilData } from '../domain/privacy/pupil-data-guard';
import type { BoardRepRule } from '../domain/rota/rota-types';
import type { ClusterWorkspace } from './cluster-workspace';
import { AlreadyExistsError } from './storage-errors';

export interface SetUpRequest {
  place: ClusterPlace;
  name: string;
  pattern: MeetingPattern;
  boardRep: BoardRepRule;
  actor: Actor;
}

/** Creating a cluster in a team or chat; whoever creates it becomes its first cluster lead. */
export class ClusterSetupService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly newId: () => string = () => `c${randomUUID().replace(/-/g, '').slice(0, 16)}`,
  ) {}

  async setUp(request: SetUpRequest): Promise<Outcome<ClusterProfile>> {
    const pupilData = refusePupilData({ 'cluster name': request.name }, this.workspace.clock());
    if (pupilData) return fail(pupilData);
    const existing = await this.workspace.read(request.place);
    if (existing) {
      return fail(
        `this team already runs the cluster **${existing.value.profile.name}**: one team or chat holds one cluster`,
      );
    }
    const profile: ClusterProfile = {
      id: this.newId(),
      name: request.name,
      pattern: request.pattern,
      boardRep: request.boardRep,
      place: request.place,
      createdAt: this.workspace.clock(),
      createdBy: request.actor.userId,
      nextPosition: 1,
    };
    try {
      await this.workspace.store.create(profile, {
        userId: request.actor.userId,
        ...(request.actor.aadObjectId ? { aadObjectId: request.actor.aadObjectId } : {}),
        name: request.actor.name,
        role: 'cluster-lead',
      });
    } catch (error) {
      if (error instanceof AlreadyExistsError)
        return fail('someone else set up a cluster here at the same moment');
      throw error;
    }
    return succeed(profile);
  }

  /** The person's role in the cluster of this team or chat (undefined: not linked, or no cluster). */
  async roleOf(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    userId: string,
  ): Promise<ClusterRole | undefined> {
    const cluster = await this.workspace.read(place);
    return cluster?.value.people.find((p) => p.userId === userId)?.role;
  }
}
