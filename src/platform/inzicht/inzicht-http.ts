import type { Clock } from '../clock';
import type { I18n } from '../i18n/i18n';
import { localeFrom } from '../i18n/i18n';
import type { Logger } from '../logger';
import type { Locale, Organisation } from '../org/organisation';
import { parsePeriod, type Period } from '../aggregates/quarters';
import { loadAssets, type Asset } from './inzicht-assets';
import { figuresCsv } from './figures-view';
import { maySeeFigures, type FiguresService } from './figures.service';
import type { SsoVerifier } from './sso-verifier';

/** A request as the tab's routes need it; the restify edge (server.ts) translates. */
export interface WebRequest {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

export interface WebResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface InzichtHttpDeps {
  figures: FiguresService;
  verifier: SsoVerifier;
  org: Organisation;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
}

const teamsFrames = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

/** Strict headers on everything the tab serves; local mode may be framed by a loopback page (the tests' host). */
function headers(local: boolean, extra: Record<string, string>): Record<string, string> {
  const ancestors = [
    ...teamsFrames,
    ...(local ? ["'self'", 'http://127.0.0.1:*', 'http://localhost:*'] : []),
  ];
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "script-src 'self'",
      // ECharts and Fluent set element styles at run time; no script runs from inline code.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      // teams-js refreshes its list of Teams origins from this CDN (it has a built-in list as fallback).
      "connect-src 'self' https://res.cdn.office.net",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${ancestors.join(' ')}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Strict-Transport-Security': 'max-age=31536000',
    ...extra,
  };
}

/**
 * The Inzicht tab under /inzicht/: the page and its libraries (public, no figures), the texts, and the
 * figures API (Teams SSO token as Bearer; programmateam, DIG office and gemeentesecretaris only).
 */
export function createInzichtHttp(deps: InzichtHttpDeps): (req: WebRequest) => Promise<WebResponse> {
  const log = deps.logger.child({ component: 'inzicht' });
  const assets = loadAssets();
  const local = deps.verifier.mode === 'local';
  const json = (status: number, body: unknown): WebResponse => ({
    status,
    headers: headers(local, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    }),
    body: JSON.stringify(body),
  });
  const file = (name: string, contentType: string, body: string | Buffer): WebResponse => ({
    status: 200,
    headers: headers(local, {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    }),
    body,
  });
  const asset = (a: Asset): WebResponse => ({
    status: 200,
    headers: headers(local, { 'Content-Type': a.contentType, 'Cache-Control': 'no-cache' }),
    body: a.body,
  });
  const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
    deps.i18n.t(locale, `inzicht.${key}`, params);

  /** Who is asking, from the token alone; a refusal answers with words and no figure. */
  async function authorise(req: WebRequest, locale: Locale): Promise<WebResponse | undefined> {
    const result = await deps.verifier.verify(req.authorization, deps.clock.now());
    if (!result.ok) {
      log.info({ reason: result.reason }, 'inzicht token refused');
      return json(401, {
        error: 'signIn',
        title: t(locale, 'signIn.title'),
        message: t(locale, 'signIn.body'),
      });
    }
    const actor = deps.org.actor(result.oid, locale);
    if (!maySeeFigures(actor)) {
      log.info({ user: result.oid }, 'inzicht refused by role');
      return json(403, {
        error: 'forbidden',
        title: t(locale, 'refusal.title'),
        message: t(locale, 'refusal.body'),
      });
    }
    return undefined;
  }

  const periodOf = (req: WebRequest, name: string): Period | undefined =>
    parsePeriod(req.query.get(name) ?? '');

  return async (req) => {
    const locale = localeFrom(req.query.get('lang') ?? undefined, deps.org);
    const path = req.path.replace(/^\/inzicht/, '') || '/';
    if (path === '/') return asset(assets.get('index.html') as Asset);
    const name = /^\/assets\/([a-z.-]+)$/.exec(path)?.[1];
    if (name && assets.has(name)) return asset(assets.get(name) as Asset);
    if (path === '/api/texts') return json(200, { locale, local, texts: deps.i18n.tree(locale, 'inzicht') });
    if (!path.startsWith('/api/')) return json(404, { error: 'notFound' });

    const refused = await authorise(req, locale);
    if (refused) return refused;
    const invalid = () => json(400, { error: 'invalidPeriod', message: t(locale, 'invalidPeriod') });
    const csvHeader = t(locale, 'report.csvHeader');
    switch (path) {
      case '/api/figures': {
        const period = periodOf(req, 'period');
        if (!period) return invalid();
        return json(200, {
          period: req.query.get('period'),
          sections: await deps.figures.sections(period, locale),
        });
      }
      case '/api/figures.csv': {
        const period = periodOf(req, 'period');
        if (!period) return invalid();
        const csv = figuresCsv(csvHeader, await deps.figures.sections(period, locale));
        return file(`inzicht-${req.query.get('period')}.csv`, 'text/csv; charset=utf-8', csv);
      }
      case '/api/report.docx':
      case '/api/report.csv': {
        const period = periodOf(req, 'year');
        if (period?.kind !== 'year') return invalid();
        const sections = await deps.figures.sections(period, locale);
        if (path.endsWith('.csv'))
          return file(
            `jaarverslag-${period.year}.csv`,
            'text/csv; charset=utf-8',
            figuresCsv(csvHeader, sections),
          );
        const panel = deps.org.text(deps.org.panelName, locale);
        const date = deps.clock.now().toISOString().slice(0, 10);
        // The Word library is loaded on the first report, not at start (issue #17).
        const { yearReportDocx } = await import('./year-report');
        const docx = await yearReportDocx(
          {
            title: t(locale, 'report.title', { panel, year: period.year }),
            intro: t(locale, 'report.intro', { date }),
            figureHeader: t(locale, 'figure'),
          },
          sections,
        );
        return file(
          `jaarverslag-${period.year}.docx`,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          docx,
        );
      }
      default:
        return json(404, { error: 'notFound' });
    }
  };
}
