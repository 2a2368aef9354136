import type { Server } from 'node:http';
import { startLoopbackServer, stopLoopbackServer } from '../../support/loopback-server';

export interface HostedTab {
  /** Token the host hands the tab when it asks (authentication.getAuthToken). */
  token: string;
  theme: 'default' | 'dark' | 'contrast';
  locale: string;
  /** The tab's URL (framed by the host). */
  tabUrl: string;
}

/**
 * A stand-in for the Teams client around a tab: a page on loopback that frames the tab and answers the
 * teams-js postMessage protocol (initialize, getContext, authentication.getAuthToken) the way Teams does.
 * The tab runs its real code path (teams-js, SSO token, Bearer to the API); only the host is fake. The
 * tab trusts this loopback origin only in local mode (LOCAL_NO_AUTH), which production refuses.
 */
export class FakeTeamsHost {
  private tab?: HostedTab;

  private constructor(
    readonly url: string,
    private readonly server: Server,
  ) {}

  static async start(): Promise<FakeTeamsHost> {
    const built: { host?: FakeTeamsHost } = {};
    const { server, origin } = await startLoopbackServer(() => async (_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(built.host?.page() ?? '');
    });
    built.host = new FakeTeamsHost(origin, server);
    return built.host;
  }

  /** The page to open: it frames `tab.tabUrl` and answers for it. */
  host(tab: HostedTab): string {
    this.tab = tab;
    return `${this.url}/`;
  }

  private page(): string {
    const tab = this.tab;
    if (!tab) return '';
    const config = JSON.stringify({ token: tab.token, theme: tab.theme, locale: tab.locale });
    const runtime = JSON.stringify({
      apiVersion: 4,
      supports: { authentication: {}, pages: { config: {} } },
    });
    return `<!doctype html><html><head><title>Teams (test host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Inzicht" src="${tab.tabUrl}"></iframe>
<script>
const cfg = ${config};
const runtime = ${JSON.stringify(runtime)};
window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || typeof m.func !== 'string' || e.source !== document.getElementById('tab').contentWindow) return;
  const reply = (args) => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, e.origin);
  if (m.func === 'initialize') return reply(['content', 'web', runtime, '2.0.0']);
  if (m.func === 'getContext')
    return reply([{ theme: cfg.theme, locale: cfg.locale, frameContext: 'content', hostClientType: 'web', appSessionId: 'test' }]);
  if (m.func === 'authentication.getAuthToken') return reply([true, cfg.token]);
  reply([]);
});
</script></body></html>`;
  }

  stop(): Promise<void> {
    return stopLoopbackServer(this.server);
  }
}
