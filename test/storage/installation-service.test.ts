import { describe, expect, it } from 'vitest';
import { InstallationService } from '../../src/services/installation-service';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import { fakeClock } from '../support/fake-clock';
import { freshTableStorage } from '../support/test-tables';

const details = {
  tenantId: 'tenant',
  conversationId: '19:general@thread.tacv2',
  scope: 'channel' as const,
  reference: { serviceUrl: 'https://smba.trafficmanager.net/uk/' },
};

describe('InstallationService on Azurite', () => {
  it('keeps one record when the same installation arrives many times at once', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const service = new InstallationService(repository, fakeClock('2026-11-23T09:00:00Z'));

    await Promise.all(Array.from({ length: 8 }, () => service.installed(details)));

    const stored = await repository.find(details);
    expect(stored?.value).toMatchObject({ status: 'active', installedAt: new Date('2026-11-23T09:00:00Z') });
  });

  it('marks a removed conversation inactive and reactivates it on reinstall', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const service = new InstallationService(repository, clock);
    await service.installed(details);

    clock.set('2026-11-24T10:00:00Z');
    await service.removed(details, 'bot-removed');
    expect((await repository.find(details))?.value).toMatchObject({
      status: 'inactive',
      deactivationReason: 'bot-removed',
      deactivatedAt: new Date('2026-11-24T10:00:00Z'),
    });

    clock.set('2026-11-25T08:00:00Z');
    await service.installed(details);
    expect((await repository.find(details))?.value).toMatchObject({
      status: 'active',
      installedAt: new Date('2026-11-25T08:00:00Z'),
    });
  });

  it('ignores the removal of a conversation it never knew', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const service = new InstallationService(repository, fakeClock('2026-11-23T09:00:00Z'));
    expect(
      await service.removed({ tenantId: 'tenant', conversationId: '19:never@thread.tacv2' }, 'bot-removed'),
    ).toBe(undefined);
  });
});
