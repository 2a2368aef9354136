// Key Vault with Azure RBAC (no access policies). Secrets are written only when given as parameters;
// otherwise an operator sets them (see infra/README.md).
param location string
param vaultName string
param tenantId string
@secure()
param botAppPassword string
@secure()
param linkSigningSecret string
param secretsOfficerPrincipalId string

var appPasswordSecretName = 'MicrosoftAppPassword'
var linkSecretName = 'LinkSigningSecret'
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: appPasswordSecretName
  properties: { value: botAppPassword }
}

resource linkSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(linkSigningSecret)) {
  parent: vault
  name: linkSecretName
  properties: { value: linkSigningSecret }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerPrincipalId)) {
  name: guid(vault.id, secretsOfficerPrincipalId, secretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: secretsOfficerPrincipalId
  }
}

output vaultName string = vault.name
output appPasswordSecretName string = appPasswordSecretName
output linkSecretName string = linkSecretName
