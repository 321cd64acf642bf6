// Clusterbot on Azure, in one resource group: a Linux Web App (Node 20) on an App Service plan,
// Table storage reached through a user-assigned managed identity (no account keys), the same
// identity as the bot's identity (no client secret), an Azure Bot with the Teams channel, Key
// Vault for the link-signing secret, and Application Insights. See README "Deploy to Azure".
//
//   az deployment group create --resource-group <rg> --template-file infra/main.bicep \
//     --parameters infra/main.parameters.json --parameters linkSigningSecret=<openssl rand -hex 32>

@minLength(3)
@maxLength(16)
@description('Lower-case letters and digits; every resource name is made from it (and a hash of the resource group for names that must be globally unique).')
param resourceBaseName string

@description('Azure region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('The name people see for the bot in Teams.')
@maxLength(42)
param botDisplayName string = 'Clusterbot'

@description('App Service plan size. B1 is enough for a county; P0v3 gives more memory and faster restarts.')
@allowed(['B1', 'B2', 'S1', 'P0v3', 'P1v3'])
param appServiceSku string = 'B1'

@description('How many instances run the bot. Each scheduled send is claimed once in Table storage, so several instances never double-send.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Microsoft Entra tenants whose people may use the bot, comma-separated. Your own tenant by default; add a partner tenant only if its heads are members of your partnerships\' teams.')
param allowedTenantIds string = tenant().tenantId

@description('Signs download links (minutes, calendars, board CSV). At least 32 characters, e.g. `openssl rand -hex 32`. Stored only in Key Vault.')
@secure()
@minLength(32)
param linkSigningSecret string

@description('F0 is free and enough for the Teams channel (a standard channel).')
@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

var suffix = uniqueString(resourceGroup().id)
var webAppName = '${resourceBaseName}-${suffix}'
var publicHostName = '${webAppName}.azurewebsites.net'

// Built-in role ids (the same in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// One identity for everything the bot does: Table storage, Key Vault, and talking to Teams.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${resourceBaseName}${suffix}', 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    defaultToOAuthAuthentication: true
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${resourceBaseName}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    publicNetworkAccess: 'Enabled'
  }
}

resource signingSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'link-signing-secret'
  properties: { value: linkSigningSecret }
}

// Read access to that one secret, for the bot's identity only.
resource secretRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(signingSecret.id, identity.id, keyVaultSecretsUser)
  scope: signingSecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance can answer any turn (all state is in Table storage): no sticky sessions.
    clientAffinityEnabled: false
    // Key Vault references are resolved with the bot's identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // What `npm start` runs in the artefact, without npm in between: the platform's stop signal
      // then reaches the bot, which finishes its turns and sends buffered telemetry before exiting.
      appCommandLine: 'node --max-semi-space-size=4 dist/src/main.js'
      // The scheduler runs in the process and invokes must be answered within 5 s: never idle out.
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        // The bot's identity is the managed identity: no client secret exists.
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'TABLES_ENDPOINT', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'PUBLIC_BASE_URL', value: 'https://${publicHostName}' }
        { name: 'LINK_SIGNING_SECRET', value: '@Microsoft.KeyVault(SecretUri=${signingSecret.properties.secretUri})' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        // The zip from `npm run release` already holds node_modules: run it as it is, build nothing.
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '3' }
      ]
    }
  }
  dependsOn: [tableRole, secretRole]
}

// The Azure Bot: Teams sends every activity to the Web App, signed for this identity.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// What `npm run package` needs for the Teams app package, and what the README's next steps use.
output webAppName string = webApp.name
output botDomain string = publicHostName
output botId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
output storageAccountName string = storage.name
output keyVaultName string = vault.name
