import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';

/**
 * botbuilder refreshes Microsoft's token signing keys once a day; if that refresh fails it
 * throws, although its own comment says it searches the cached keys anyway, so a short outage of
 * Microsoft's key endpoint would turn every request into a failure. With this, a failed refresh
 * keeps the cached keys (tried again in five minutes) and says so in the log; with no keys
 * cached it still fails, and the endpoint answers 503.
 */
const RETRY_AFTER_MS = 5 * 60 * 1000;

interface KeyCache {
  keys?: unknown[];
  lastUpdated: number;
  tokenRefreshInterval: number;
}

let installed = false;

export function keepCachedSigningKeysWhenRefreshFails(onStale: (error: unknown) => void): void {
  if (installed) return;
  installed = true;
  const prototype = OpenIdMetadata.prototype as unknown as {
    refreshCache(this: KeyCache): Promise<void>;
  };
  const refresh = prototype.refreshCache;
  prototype.refreshCache = async function (this: KeyCache) {
    try {
      await refresh.call(this);
    } catch (error) {
      if (!this.keys?.length) throw error;
      onStale(error);
      // Pretend the keys were fetched a little under a refresh interval ago: retry in 5 minutes.
      this.lastUpdated = Date.now() - this.tokenRefreshInterval * 60 * 60 * 1000 + RETRY_AFTER_MS;
    }
  };
}
