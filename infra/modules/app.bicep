// Linux App Service plan and the web app that runs the bot (as `npm start`), with a system-assigned identity.
param location string
param planName string
param appName string
param sku string
@description('Fixed instance count of the plan (scale-out); autoscale rules, if any, are set outside this template.')
param instances int = 1

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: sku, capacity: instances }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // As `npm start`: a fixed heap budget, so V8 collects garbage at the same pace on any plan instead of
      // letting it pile up to several times the live set on a big machine (docs/delivery-memory.md).
      appCommandLine: 'node --max-old-space-size=448 lib/index.js'
      alwaysOn: true // the delivery worker and the scheduler run in the background
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

output appName string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
