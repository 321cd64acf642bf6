import { TeamsAdapter } from '@microsoft/teams-ai';
import { MessengerNotices } from '../../src/notices/cluster-notices';
import { CalendarService } from '../../src/services/calendar-service';
import { ClusterSetupService } from '../../src/services/cluster-setup-service';
import { ClusterWorkspace } from '../../src/services/cluster-workspace';
import { InstallationService } from '../../src/services/installation-service';
import { ReminderJob } from '../../src/services/reminder-job';
import { RosterImportService } from '../../src/services/roster-import-service';
import { RsvpService } from '../../src/services/rsvp-service';
import { SchoolService } from '../../src/services/school-service';
import { ClusterRepository } from '../../src/storage/cluster-repository';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import { RsvpRepository } from '../../src/storage/rsvp-repository';
import { SendLeaseRepository } from '../../src/storage/send-lease-repository';
import { SlotLedgerRepository } from '../../src/storage/slot-ledger-repository';
import type { TableStorage } from '../../src/storage/table-storage';
import { teamsMessengerFactory } from '../../src/teams/proactive-messenger';
import { YEAR_2026_27 } from './sample-calendar';

export const COUNTY_TENANT = 'c0c0c0c0-0000-4000-8000-00000000e55e';
/** Reminders for Tue 17 Nov 2026 are due at 09:00 on Tue 10 Nov. */
export const ROUND_DUE = new Date('2026-11-10T09:02:00Z');
const pattern = { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' };

const reference = (serviceUrl: string, id: string, type: string) => ({
  bot: { id: '28:clusterbot', name: 'Clusterbot' },
  conversation: { id, conversationType: type, tenantId: COUNTY_TENANT },
  channelId: 'msteams',
  serviceUrl,
});

/**
 * A county's partnerships in one tenant: each in its own team with Clusterbot installed, its
 * schools' heads linked and each with Clusterbot in a personal chat (so a reminder round sends
 * one channel post per cluster and one personal message per head), term dates for 2026-27.
 */
export async function seedCounty(
  tables: TableStorage,
  serviceUrl: string,
  sizes: readonly number[],
): Promise<{ channels: number; heads: number }> {
  const clock = () => new Date('2026-09-01T09:00:00Z');
  const workspace = new ClusterWorkspace(
    new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks')),
    clock,
  );
  const installations = new InstallationService(
    new ConversationRepository(tables.table('conversations')),
    clock,
  );
  const lead = { userId: '29:county-lead', name: 'County lead' };
  let heads = 0;
  for (const [c, size] of sizes.entries()) {
    const team = `19:county-team-${c}@thread.tacv2`;
    const place = { tenantId: COUNTY_TENANT, placeKey: team, conversationId: team };
    const setUp = await new ClusterSetupService(workspace).setUp({
      place,
      name: `Partnership ${c + 1}`,
      pattern,
      boardRep: { kind: 'rotate-yearly' },
      actor: lead,
    });
    if (!setUp.ok) throw new Error(setUp.problem);
    const names = Array.from({ length: size }, (_, i) => `County School ${c + 1}-${i + 1}`);
    await new RosterImportService(workspace).importRoster(place, `school\n${names.join('\n')}`, lead);
    await new CalendarService(workspace).setTermDates(place, '2026-27', YEAR_2026_27.halfTerms, [], lead);
    await installations.installed({
      tenantId: COUNTY_TENANT,
      conversationId: team,
      scope: 'channel',
      teamId: team,
      reference: reference(serviceUrl, team, 'channel'),
    });
    const schools = new SchoolService(workspace);
    for (const [i, name] of names.entries()) {
      const head = { userId: `29:county-head-${c}-${i}`, name: `Head ${c + 1}-${i + 1}` };
      await schools.linkPerson(place, head, name, 'head', head);
      await installations.installed({
        tenantId: COUNTY_TENANT,
        conversationId: `a:county-${c}-${i}`,
        scope: 'personal',
        userId: head.userId,
        reference: reference(serviceUrl, `a:county-${c}-${i}`, 'personal'),
      });
      heads++;
    }
  }
  return { channels: sizes.length, heads };
}

/** One instance's scheduled round, sending through the real Teams messenger as production does. */
export function countyRoundInstance(tables: TableStorage, instance: string, now: Date): ReminderJob {
  const clock = () => now;
  const workspace = new ClusterWorkspace(
    new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks'), clock),
    clock,
  );
  const conversations = new ConversationRepository(tables.table('conversations'));
  const installations = new InstallationService(conversations, clock);
  const messengers = teamsMessengerFactory(new TeamsAdapter({}), '', {
    leases: new SendLeaseRepository(tables.table('deliveries')),
    instance,
  });
  return new ReminderJob({
    store: workspace.store,
    ledger: new SlotLedgerRepository(tables.table('deliveries')),
    rsvp: new RsvpService(workspace, new RsvpRepository(tables.table('clusters'))),
    notices: new MessengerNotices(
      messengers(conversations, installations, 'round'),
      () => ({ html: '', markdown: '' }),
      clock,
    ),
    clock,
    instance,
  });
}
