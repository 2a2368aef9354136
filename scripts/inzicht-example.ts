/**
 * Generates docs/examples/inzicht-jaarverslag-2026.{docx,csv}: the Inzicht year report of the demo data
 * (scripts/lib/inzicht-seed.ts: a fictional 2026), made by the real metrics, aggregates and report code on
 * an in-memory store. Run: npx tsx scripts/inzicht-example.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { ManualClock } from '../src/platform/clock';
import { figuresCsv } from '../src/platform/inzicht/figures-view';
import { yearReportDocx } from '../src/platform/inzicht/year-report';
import { silentLogger } from '../src/platform/logger';
import { Organisation } from '../src/platform/org/organisation';
import { createRuntime } from '../src/runtime';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { seedPanelYear } from './lib/inzicht-seed';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-inzicht-example-'));
  const clock = new ManualClock('2026-12-01T09:00:00Z');
  const store = new SqliteDocumentStore(':memory:', () => clock.now().getTime());
  const runtime = await createRuntime(
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOCAL_NO_AUTH: '1' }),
    {
      org: Organisation.load('config/org.demo.json'),
      store,
      clock,
      logger: silentLogger(),
    },
  );
  try {
    const { figures } = runtime.inzicht;
    await seedPanelYear(store, clock, () => figures.fold(true));
    await figures.fold(true);
    const sections = await figures.sections({ kind: 'year', year: 2026 }, 'nl');
    const t = (key: string, params?: Record<string, string | number>) =>
      runtime.deps.i18n.t('nl', `inzicht.${key}`, params);
    const docx = await yearReportDocx(
      {
        title: t('report.title', { panel: 'Inclusiviteitspanel', year: 2026 }),
        intro: t('report.intro', { date: '2026-12-01' }),
        figureHeader: t('figure'),
      },
      sections,
    );
    mkdirSync('docs/examples', { recursive: true });
    writeFileSync('docs/examples/inzicht-jaarverslag-2026.docx', docx);
    writeFileSync('docs/examples/inzicht-jaarverslag-2026.csv', figuresCsv(t('report.csvHeader'), sections));
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
