// The web app's settings as one resource: replacing them restarts the app, which re-reads Key Vault references.
param appName string
param settings object

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: appName
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}
