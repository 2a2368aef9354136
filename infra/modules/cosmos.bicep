// Cosmos DB for NoSQL: serverless, continuous backup (7 days point-in-time restore), Entra ID only.
param location string
param accountName string
param databaseName string

// Keep in step with `containers` in src/storage/document-store.port.ts (test/infra checks this). With keys
// disabled the app's identity cannot create containers itself, so they are declared here.
var containerNames = [
  'conversations'
  'botState'
  'outbox'
  'broadcasts'
  'jobs'
  'signups'
  'aggregates'
  'kennisateliers'
  'polls'
  'contact'
  'sturingsgesprek'
  'networks'
  'advies'
  'kernteam'
  'roleGrants'
  'recipients'
  'downloads'
  'sendCounts'
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      { name: 'EnableServerless' }
    ]
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

// defaultTtl -1: documents live until their own `ttl` says otherwise (closed contact cases expire).
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for name in containerNames: {
    parent: database
    name: name
    properties: {
      resource: {
        id: name
        partitionKey: {
          paths: ['/pk']
          kind: 'Hash'
        }
        defaultTtl: -1
      }
    }
  }
]

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
