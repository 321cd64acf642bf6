import type { RotaCardData, RotaCardMeeting } from '../../cards/rota-card';
import { type AcademicYear, halfTermName } from '../../domain/calendar/academic-year';
import { describePattern } from '../../domain/calendar/meeting-pattern';
import type { ClusterSnapshot } from '../../domain/clusters/cluster';
import type { BuiltRota } from '../../domain/rota/build-rota';
import { recordedByClusterbot } from '../../domain/rota/recorded-meetings';
import type { BoardRepRule, PlannedMeeting } from '../../domain/rota/rota-types';
import { formatLondon, londonWallClock } from '../../domain/time/london-time';

const BADGES: Record<PlannedMeeting['status'], Pick<RotaCardMeeting, 'badge' | 'badgeColour' | 'style'>> = {
  next: { badge: 'Next meeting', badgeColour: 'Good', style: 'emphasis' },
  upcoming: { badge: '', badgeColour: 'Default', style: 'default' },
  held: { badge: 'Held', badgeColour: 'Default', style: 'default' },
  cancelled: { badge: 'Cancelled', badgeColour: 'Attention', style: 'default' },
};

/** The year to show when none is asked for: the year of the next meeting, else the latest. */
/** Before the cluster started with Clusterbot: it may well have met, but nothing was recorded here. */
const NOT_RECORDED = { badge: 'Before Clusterbot', badgeColour: 'Default', style: 'default' } as const;

export function defaultYear(rota: BuiltRota): AcademicYear | undefined {
  return rota.meetings.find((m) => m.status === 'next')?.year ?? rota.meetings.at(-1)?.year;
}

function describeBoardRule(rule: BoardRepRule, cluster: ClusterSnapshot): string {
  if (rule.kind === 'fixed')
    return `${cluster.schools.find((s) => s.id === rule.schoolId)?.name ?? 'one school'} represents the cluster on the board`;
  return `the board representative rotates each ${rule.kind === 'rotate-yearly' ? 'year' : 'term'}`;
}

export function presentRota(
  cluster: ClusterSnapshot,
  rota: BuiltRota,
  year: AcademicYear,
  icsUrl: string,
): RotaCardData {
  const meetings = rota.meetings.filter((m) => m.year === year);
  return {
    title: `${cluster.profile.name} rota · ${year}`,
    summary: meetings.length
      ? `${describePattern(cluster.profile.pattern)}. The host school chairs; the previous host takes the minutes; ${describeBoardRule(cluster.profile.boardRep, cluster)}.`
      : `No meetings for ${year}: a cluster lead sets term dates with /terms ${year}.`,
    meetings: meetings.map((m) => ({
      heading: `${halfTermName(m.halfTerm)} · ${formatLondon(m.startsAt)}–${londonWallClock(m.endsAt).time}`,
      ...(m.status === 'held' && !recordedByClusterbot(m, cluster.profile) ? NOT_RECORDED : BADGES[m.status]),
      host: m.host
        ? `${m.host.name}${m.venue ? ` (venue: ${m.venue})` : ''}`
        : m.cancelled
          ? 'none: cancelled'
          : 'no member schools yet',
      chair: m.host?.name ?? '–',
      minutes: m.minuteTaker
        ? `${m.minuteTaker.name}${m.minuteTakerNote ? ` (${m.minuteTakerNote})` : ''}`
        : '–',
      boardRep: m.boardRep?.name ?? '–',
      note: m.dateNote ? `Date ${m.dateNote}.` : '',
    })),
    problems: rota.problems.join(' '),
    icsUrl,
  };
}
