import type { AppDeps } from '../deps';
import { hours } from '../clock';
import { FiguresService } from './figures.service';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { createInzichtHttp, type WebRequest, type WebResponse } from './inzicht-http';
import { SsoVerifier } from './sso-verifier';

export type { WebRequest, WebResponse } from './inzicht-http';

export interface Inzicht {
  figures: FiguresService;
  http: (req: WebRequest) => Promise<WebResponse>;
  /** Folds finished items into the aggregates every few hours, long before any retention ends. */
  start(): void;
  stop(): void;
}

/** The Inzicht tab: built after the features registered their metrics. */
export function createInzicht(deps: AppDeps): Inzicht {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  const figures = new FiguresService(deps.metrics, deps.org, deps.clock, deps.i18n);
  const http = createInzichtHttp({
    figures,
    verifier: new SsoVerifier(deps.config.tabSso),
    org: deps.org,
    i18n: deps.i18n,
    clock: deps.clock,
    logger: deps.logger,
  });
  let timer: NodeJS.Timeout | undefined;
  return {
    figures,
    http,
    start() {
      const run = () => void figures.fold(true).catch(() => undefined);
      run();
      timer = setInterval(run, hours(6));
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
