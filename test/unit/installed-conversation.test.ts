import { describe, expect, it } from 'vitest';
import {
  deactivateConversation,
  type InstallationDetails,
  recordInstallation,
} from '../../src/domain/conversations/installed-conversation';

const details: InstallationDetails = {
  tenantId: 'tenant',
  conversationId: '19:team@thread.tacv2',
  scope: 'channel',
  teamId: '19:team@thread.tacv2',
  reference: { serviceUrl: 'https://smba.trafficmanager.net/uk/' },
};
const monday = new Date('2026-11-23T09:00:00Z');
const tuesday = new Date('2026-11-24T09:00:00Z');

describe('installed conversations', () => {
  it('records a first installation as active from that moment', () => {
    expect(recordInstallation(undefined, details, monday)).toEqual({
      ...details,
      status: 'active',
      installedAt: monday,
    });
  });

  it('keeps the first installation date when the same install is reported again', () => {
    const first = recordInstallation(undefined, details, monday);
    const again = recordInstallation(
      first,
      { ...details, reference: { serviceUrl: 'https://new/' } },
      tuesday,
    );
    expect(again.installedAt).toEqual(monday);
    expect(again.reference).toEqual({ serviceUrl: 'https://new/' });
  });

  it('deactivates on removal, keeping the record and saying why', () => {
    const installed = recordInstallation(undefined, details, monday);
    expect(deactivateConversation(installed, 'bot-removed', tuesday)).toEqual({
      ...installed,
      status: 'inactive',
      deactivatedAt: tuesday,
      deactivationReason: 'bot-removed',
    });
  });

  it('leaves an already inactive conversation exactly as it was', () => {
    const removed = deactivateConversation(
      recordInstallation(undefined, details, monday),
      'bot-removed',
      monday,
    );
    expect(deactivateConversation(removed, 'app-uninstalled', tuesday)).toBe(removed);
  });

  it('starts a fresh installation date when reinstalled after removal', () => {
    const removed = deactivateConversation(
      recordInstallation(undefined, details, monday),
      'bot-removed',
      monday,
    );
    const reinstalled = recordInstallation(removed, details, tuesday);
    expect(reinstalled).toEqual({ ...details, status: 'active', installedAt: tuesday });
  });
});

describe('a repeated installation event', () => {
  it('returns the very same record, so nothing needs writing', () => {
    const installed = recordInstallation(undefined, details, monday);
    expect(recordInstallation(installed, details, tuesday)).toBe(installed);
  });
});
