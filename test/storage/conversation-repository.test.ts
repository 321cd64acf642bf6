import { describe, expect, it } from 'vitest';
import type { InstalledConversation } from '../../src/domain/conversations/installed-conversation';
import { AlreadyExistsError, ConcurrentUpdateError } from '../../src/services/storage-errors';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import { fromTableKey, toTableKey } from '../../src/storage/table-key';
import { freshTableStorage } from '../support/test-tables';

const installedAt = new Date('2026-11-23T09:00:00Z');

function channelConversation(conversationId: string): InstalledConversation {
  return {
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    conversationId,
    scope: 'channel',
    teamId: '19:team@thread.tacv2',
    reference: {
      activityId: '1763000000000',
      bot: { id: '28:bot', name: 'Clusterbot' },
      conversation: { id: conversationId, conversationType: 'channel', tenantId: '72f988bf' },
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
    },
    status: 'active',
    installedAt,
  };
}

describe('ConversationRepository on Azurite', () => {
  it('round-trips a conversation reference exactly', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const conversation = channelConversation('19:general@thread.tacv2');
    await repository.create(conversation);

    const stored = await repository.find(conversation);
    expect(stored?.value).toEqual(conversation);
    expect(stored?.version).toMatch(/^W\/"datetime'/);
  });

  it('stores ids containing characters Table keys forbid (/ \\ # ?)', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const awkward = channelConversation('a:1/odd\\id#with?everything%');
    await repository.create(awkward);
    expect((await repository.find(awkward))?.value.conversationId).toBe('a:1/odd\\id#with?everything%');
    expect(fromTableKey(toTableKey(awkward.conversationId))).toBe(awkward.conversationId);
  });

  it('answers "not found" only for a conversation it has never stored', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    expect(
      await repository.find({ tenantId: 't', conversationId: '19:unknown@thread.tacv2' }),
    ).toBeUndefined();
  });

  it('surfaces a stale ETag as a ConcurrentUpdateError and keeps the winning write', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const conversation = channelConversation('19:contested@thread.tacv2');
    await repository.create(conversation);
    const readByA = await repository.find(conversation);
    const readByB = await repository.find(conversation);
    if (!readByA || !readByB) throw new Error('expected the conversation to be stored');

    await repository.replace(
      { ...conversation, status: 'inactive', deactivationReason: 'bot-removed' },
      readByA.version,
    );
    await expect(
      repository.replace({ ...conversation, scope: 'groupChat' }, readByB.version),
    ).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect((await repository.find(conversation))?.value).toMatchObject({
      status: 'inactive',
      scope: 'channel',
    });
  });

  it('surfaces a second create of the same conversation as AlreadyExistsError', async () => {
    const repository = new ConversationRepository((await freshTableStorage()).table('conversations'));
    const conversation = channelConversation('19:twice@thread.tacv2');
    await repository.create(conversation);
    await expect(repository.create(conversation)).rejects.toBeInstanceOf(AlreadyExistsError);
  });
});
