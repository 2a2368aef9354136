/**
 * The architecture's import rules (shared/ARCHITECTURE.md, docs/architecture.md), checked on the whole
 * import graph, type-only imports included. `npm test` runs it; `npm run graph` draws the graph.
 * test/architecture/import-graph.test.ts proves each rule fails on a throw-away file.
 */
const botFrameworks = 'node_modules/(botbuilder[^/]*|botframework-[^/]+|@microsoft/teams-ai|restify)/';
const graphClients = 'node_modules/(@microsoft/microsoft-graph-client|@microsoft/msgraph-[^/]+|@azure/identity)/';
const storageAdapters = ['^src/storage/(sqlite-store|cosmos-store|create-store)\\.ts$', 'node_modules/(better-sqlite3|@azure/cosmos)/'];
/** Where the bot frameworks may be imported: the hosting, the app, and each feature's handlers and index. */
const botEdge = [
  '^src/(app|server|index|runtime)\\.ts$',
  '^src/platform/bot/',
  '^src/platform/delivery/bot-proactive-sender\\.ts$',
  '^src/features/[^/]+/index\\.ts$',
  '^src/features/[^/]+/[^/]+\\.handlers\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Imports form a tree: a cycle (type-only ones too) means two files are one concern, or a port is missing.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'feature-isolation',
      comment: 'A feature never imports another feature; contracts go through src/platform/contracts and jobs.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'platform-knows-no-feature',
      comment: 'platform/ and storage/ are feature-agnostic.',
      severity: 'error',
      from: { path: '^src/(platform|storage)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'nothing-imports-the-composition',
      comment: 'app.ts, server.ts, runtime.ts and index.ts compose; nothing below them imports them.',
      severity: 'error',
      from: { path: '^src/(features|platform|storage)/' },
      to: { path: '^src/(app|server|index|runtime)\\.ts$' },
    },
    {
      name: 'storage-through-the-port',
      comment: 'Features and platform use the DocumentStore port; only the composition picks an adapter.',
      severity: 'error',
      from: { path: '^src/(features|platform)/' },
      to: { path: storageAdapters },
    },
    {
      name: 'bot-frameworks-at-the-edge',
      comment: 'botbuilder, teams-ai and restify are past end of support: only the edge imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: botEdge },
      to: { path: botFrameworks },
    },
    {
      name: 'graph-at-the-edge',
      comment: 'Microsoft Graph stays behind ports (Directory, Reach) whose adapters live in platform/.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: graphClients },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.json$' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
