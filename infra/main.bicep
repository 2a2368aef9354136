// Panelbot on Azure: App Service (Linux, Node 20), Azure Bot (single-tenant, Teams channel), Cosmos DB
// (serverless, continuous backup), Key Vault (RBAC) for secrets, Application Insights on Log Analytics.
// The web app reaches Cosmos DB and Key Vault with its system-assigned identity: no keys in settings.
targetScope = 'resourceGroup'

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@description('Short lowercase name used in every resource name.')
@minLength(3)
@maxLength(12)
param baseName string = 'panelbot'

@description('Entra ID application (client) id of the bot registration (single-tenant).')
param botAppId string

@description('Entra ID tenant of the organisation; only this tenant may talk to the bot.')
param tenantId string = tenant().tenantId

@description('Client secret of the bot registration. Leave empty to set the Key Vault secret MicrosoftAppPassword yourself.')
@secure()
param botAppPassword string = ''

@description('Secret that signs download links and roots poll answer keys: 32 random bytes or more (openssl rand -base64 48); the app refuses a weaker one. Leave empty to set the Key Vault secret LinkSigningSecret yourself.')
@secure()
param linkSigningSecret string = ''

@description('App Service plan SKU. B1 or higher: the delivery worker needs Always On.')
@allowed(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3'])
param appServiceSku string = 'B1'

@description('Instances of the web app (App Service scale-out; B1–B3 allow up to 3). They share one Cosmos DB, the delivery rate, the jobs and the outbox: see README, "Several instances".')
@minValue(1)
@maxValue(10)
param appServiceInstances int = 1

@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Where the organisation file lives on the App Service (upload it there, see infra/README.md).')
param orgConfigPath string = '/home/site/config/org.json'

@description('Object id of a person or group that may set secrets in the Key Vault (optional).')
param secretsOfficerPrincipalId string = ''

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id)
var names = {
  appName: '${baseName}-${suffix}'
  plan: '${baseName}-plan-${suffix}'
  bot: '${baseName}-bot-${suffix}'
  cosmos: '${baseName}-cosmos-${suffix}'
  keyVault: 'kv${take(baseName, 8)}${take(suffix, 11)}'
  workspace: '${baseName}-logs-${suffix}'
  insights: '${baseName}-ai-${suffix}'
}
var databaseName = 'panelbot'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    insightsName: names.insights
    retentionDays: logRetentionDays
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: names.cosmos
    databaseName: databaseName
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: names.keyVault
    tenantId: tenantId
    botAppPassword: botAppPassword
    linkSigningSecret: linkSigningSecret
    secretsOfficerPrincipalId: secretsOfficerPrincipalId
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    planName: names.plan
    appName: names.appName
    sku: appServiceSku
    instances: appServiceInstances
  }
}

module access 'modules/access.bicep' = {
  name: 'access'
  params: {
    principalId: app.outputs.principalId
    vaultName: vault.outputs.vaultName
    cosmosAccountName: cosmos.outputs.accountName
  }
}

// Settings go on after the identity may read the vault, so the Key Vault references resolve at first start.
module settings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  dependsOn: [access]
  params: {
    appName: app.outputs.appName
    settings: {
      MicrosoftAppId: botAppId
      MicrosoftAppType: 'SingleTenant'
      MicrosoftAppTenantId: tenantId
      MicrosoftAppPassword: '@Microsoft.KeyVault(VaultName=${vault.outputs.vaultName};SecretName=${vault.outputs.appPasswordSecretName})'
      LINK_SIGNING_SECRET: '@Microsoft.KeyVault(VaultName=${vault.outputs.vaultName};SecretName=${vault.outputs.linkSecretName})'
      STORAGE: 'cosmos'
      COSMOS_ENDPOINT: cosmos.outputs.endpoint
      COSMOS_DATABASE: databaseName
      COSMOS_USE_MANAGED_IDENTITY: 'true'
      PUBLIC_BASE_URL: 'https://${app.outputs.defaultHostName}'
      ORG_CONFIG: orgConfigPath
      LOG_LEVEL: 'info'
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    }
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    sku: botSku
    appId: botAppId
    tenantId: tenantId
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
  }
}

output appName string = app.outputs.appName
output appUrl string = 'https://${app.outputs.defaultHostName}'
output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'
output botName string = bot.outputs.botName
output keyVaultName string = vault.outputs.vaultName
output cosmosEndpoint string = cosmos.outputs.endpoint
