import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import { describe, expect, it } from 'vitest';
import { keepCachedSigningKeysWhenRefreshFails } from '../../src/teams/signing-keys-fallback';
import { startFakeBotFrameworkKeys } from '../support/fake-bot-framework-keys';

describe("Microsoft's token signing keys", () => {
  it('keep being used from the cache when a refresh fails, and only then', async () => {
    const stale: unknown[] = [];
    keepCachedSigningKeysWhenRefreshFails((error) => stale.push(error));
    const keys = await startFakeBotFrameworkKeys();
    const cached = new OpenIdMetadata(keys.openIdMetadataUrl);
    expect(await cached.getKey('published-key')).toMatchObject({
      key: expect.stringContaining('PUBLIC KEY'),
    });
    await keys.close();

    // A day later the refresh is due, and Microsoft's endpoint is out of reach.
    (cached as unknown as { lastUpdated: number }).lastUpdated = 0;
    expect(await cached.getKey('published-key')).toMatchObject({
      key: expect.stringContaining('PUBLIC KEY'),
    });
    expect(stale).toHaveLength(1);
    // It tries again after five minutes, not on every request.
    await cached.getKey('published-key');
    expect(stale).toHaveLength(1);

    // With nothing cached there is nothing to check tokens with: the failure stands (503 upstream).
    const empty = new OpenIdMetadata(keys.openIdMetadataUrl);
    await expect(empty.getKey('published-key')).rejects.toThrow();
  });
});
