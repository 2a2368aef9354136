import type { TokenCredential } from '@azure/identity';
import type { Config, GraphCredentialConfig } from '../../config';
import type { AppInstaller, Directory, GroupWriter } from '../directory/directory.port';
import { NullDirectory, NullGroupWriter, NullInstaller } from '../directory/null-directory';
import type { Logger } from '../logger';
import { GraphAppInstaller } from './graph-app-installer';
import { GraphDirectory, type GraphDirectoryOptions } from './graph-directory';
import { GraphGroupWriter } from './graph-group-writer';
import { GraphHttp } from './graph-http';
import type { GraphRetryPolicy } from './graph-middleware';

export interface GraphEdge {
  directory: Directory;
  installer: AppInstaller;
  /** Adds people to role groups (meedoen); absent on edges made before it existed. */
  groups?: GroupWriter;
  /** True when Graph is configured; false means the Null stand-ins (statuses should say so). */
  enabled: boolean;
}

/** For tests and benchmarks: a static-token credential, a hand-driven clock, smaller pages. */
export interface GraphEdgeOverrides {
  credential?: TokenCredential;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<GraphRetryPolicy>;
  directory?: GraphDirectoryOptions;
}

/**
 * The Graph adapters for the configuration: Graph-backed when `GRAPH_ENABLED`, otherwise stand-ins
 * that know no names and answer every install with `notConfigured`. Both adapters share one client,
 * so one rate limiter covers every Graph call of this instance.
 */
export function createGraphEdge(
  config: Pick<Config, 'graph'>,
  logger: Logger,
  overrides: GraphEdgeOverrides = {},
): GraphEdge {
  const graph = config.graph;
  if (!graph.enabled)
    return {
      directory: new NullDirectory(),
      installer: new NullInstaller(),
      groups: new NullGroupWriter(),
      enabled: false,
    };
  const log = logger.child({ component: 'graph' });
  const http = new GraphHttp({
    baseUrl: graph.baseUrl,
    credential: overrides.credential ?? credentialFor(graph.credential),
    ratePerSecond: graph.ratePerSecond,
    retry: { maxAttempts: graph.maxAttempts, ...overrides.retry },
    now: overrides.now,
    wait: overrides.wait,
    random: overrides.random,
  });
  return {
    directory: new GraphDirectory(http, log, overrides.directory),
    installer: new GraphAppInstaller(http, log, {
      teamsAppId: graph.teamsAppId,
      catalogAppId: graph.catalogAppId,
      now: overrides.now,
    }),
    groups: new GraphGroupWriter(http, log),
    enabled: true,
  };
}

/** Loads @azure/identity at the first token request: a bot without Graph never pays for it. */
function credentialFor(credential: GraphCredentialConfig): TokenCredential {
  let loaded: Promise<TokenCredential> | undefined;
  const load = async (): Promise<TokenCredential> => {
    const { ClientSecretCredential, ManagedIdentityCredential } = await import('@azure/identity');
    if (credential.kind === 'clientSecret')
      return new ClientSecretCredential(credential.tenantId, credential.clientId, credential.secret);
    return credential.clientId
      ? new ManagedIdentityCredential({ clientId: credential.clientId })
      : new ManagedIdentityCredential();
  };
  return {
    getToken: async (scopes, options) => {
      loaded ??= load();
      return (await loaded).getToken(scopes, options);
    },
  };
}
