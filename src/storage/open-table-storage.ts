import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { StorageConfig } from '../config/load-config';
import { type LocalAzurite, startLocalAzurite } from './local-azurite';
import { TableStorage } from './table-storage';

export interface OpenedTableStorage {
  tables: TableStorage;
  /** Local Azurite started for this process, if any: stop it on shutdown. */
  azurite?: LocalAzurite;
  /** For logs: how storage is reached, never a key or a token. */
  description: string;
}

/**
 * Opens Table storage as configured. In production that is an https endpoint and a managed
 * identity (AZURE_CLIENT_ID picks a user-assigned one); keys are only for Azurite and old accounts.
 */
export async function openTableStorage(
  storage: StorageConfig,
  tablePrefix: string,
): Promise<OpenedTableStorage> {
  switch (storage.kind) {
    case 'managed-identity':
      return {
        tables: new TableStorage({
          endpoint: storage.endpoint,
          credential: credentialFor(storage),
          tablePrefix,
        }),
        description: `${storage.endpoint} with ${storage.managedIdentityClientId ? 'a user-assigned' : 'the default'} managed identity`,
      };
    case 'connection-string':
      return {
        tables: new TableStorage({ connectionString: storage.connectionString, tablePrefix }),
        description: `${accountEndpointOf(storage.connectionString)} with a connection string`,
      };
    case 'local-azurite': {
      // startLocalAzurite loads the azurite package only when called: it is a development
      // dependency, absent from production installs.
      const azurite = await startLocalAzurite({ port: storage.port, location: storage.location });
      return {
        tables: new TableStorage({ connectionString: azurite.connectionString, tablePrefix }),
        azurite,
        description: `local Azurite on 127.0.0.1:${storage.port} (data in ${storage.location})`,
      };
    }
  }
}

function credentialFor(storage: { managedIdentityClientId?: string }): TokenCredential {
  // A user-assigned identity is named by its client id; otherwise the default chain finds the
  // system-assigned identity on Azure, or an admin's `az login` on their own machine.
  return storage.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: storage.managedIdentityClientId })
    : new DefaultAzureCredential();
}

/** The account part of a connection string, for logs: the key never leaves this function. */
function accountEndpointOf(connectionString: string): string {
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1];
  return endpoint ?? (account ? `account ${account}` : 'the development account');
}
