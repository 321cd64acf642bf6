import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationRepository } from '../../src/storage/conversation-repository';
import { startLocalAzurite } from '../../src/storage/local-azurite';
import { TableStorage } from '../../src/storage/table-storage';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('local Azurite started by the bot itself', () => {
  it('keeps data in its folder across a restart', async () => {
    const location = await mkdtemp(join(tmpdir(), 'clusterbot-azurite-'));
    folders.push(location);
    const conversation = {
      tenantId: 'tenant',
      conversationId: '19:kept@thread.tacv2',
      scope: 'channel' as const,
      reference: { serviceUrl: 'https://smba.trafficmanager.net/uk/' },
      status: 'active' as const,
      installedAt: new Date('2026-11-23T09:00:00Z'),
    };

    const first = await startLocalAzurite({ port: 0, location });
    const tables = new TableStorage({ connectionString: first.connectionString, tablePrefix: 'Restart' });
    await tables.ensureTables();
    await new ConversationRepository(tables.table('conversations')).create(conversation);
    await first.stop();

    const second = await startLocalAzurite({ port: 0, location });
    try {
      const reopened = new TableStorage({
        connectionString: second.connectionString,
        tablePrefix: 'Restart',
      });
      await reopened.ensureTables();
      const stored = await new ConversationRepository(reopened.table('conversations')).find(conversation);
      expect(stored?.value).toEqual(conversation);
    } finally {
      await second.stop();
    }
  });

  it('explains what to do when its port is taken', async () => {
    const holder = await startLocalAzurite({ port: 0 });
    try {
      const port = Number(new URL(/TableEndpoint=([^;]+)/.exec(holder.connectionString)?.[1] ?? '').port);
      await expect(startLocalAzurite({ port })).rejects.toThrow(
        `Port ${port} is already in use, so local Table storage (Azurite) cannot start. Stop the other program, or set AZURITE_PORT to a free port.`,
      );
    } finally {
      await holder.stop();
    }
  });
});
