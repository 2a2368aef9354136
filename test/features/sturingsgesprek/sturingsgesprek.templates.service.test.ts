import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSturingsgesprekModule } from '../../../src/features/sturingsgesprek/sturingsgesprek.module';
import { questionSetTemplate } from '../../../src/features/sturingsgesprek/sturingsgesprek.question-set.schemas';
import { QuestionSetsService } from '../../../src/features/sturingsgesprek/sturingsgesprek.question-sets.service';
import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { pick } from '../../../src/features/sturingsgesprek/sturingsgesprek.text.format';
import { TemplatesService } from '../../../src/features/sturingsgesprek/sturingsgesprek.templates.service';
import en from '../../../src/features/sturingsgesprek/i18n/en.json';
import italian from '../../../src/features/sturingsgesprek/i18n/it.json';
import nl from '../../../src/features/sturingsgesprek/i18n/nl.json';
import { ManualClock } from '../../../src/platform/clock';
import { I18n } from '../../../src/platform/i18n/i18n';
import { silentLogger } from '../../../src/platform/logger';
import { Organisation } from '../../../src/platform/org/organisation';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { SqliteDocumentStore } from '../../../src/storage/sqlite-store';

/** Question-set templates come from the organisation's own folder; without one, Rotterdam's as shipped. */
const root = resolve(__dirname, '../../..');
const shipped = ['kwartaal-1', 'kwartaal-2'].map((id) =>
  questionSetTemplate.parse(
    JSON.parse(readFileSync(join(root, `src/features/sturingsgesprek/templates/${id}.json`), 'utf8')),
  ),
);
const allTexts = (t: (typeof shipped)[number]) =>
  t.questions.flatMap((q) => [q, ...(q.kind === 'yesNo' ? q.followUps : [])]).map((q) => q.text);

describe('sturingsgesprek templates per organisation', () => {
  it('Rotterdam (no templatesDir): the shipped templates, exactly as in the files', () => {
    const templates = new TemplatesService(Organisation.load(join(root, 'config/org.demo.json')));
    expect(templates.list()).toEqual(shipped);
    expect(templates.byId('kwartaal-2')!.questions[1].text.nl).toContain('Rotterdam representeert Rotterdam');
  });

  it("Genova: its own Italian templates from config/genova/sturingsgesprek, with nothing of Rotterdam's", () => {
    const templates = new TemplatesService(Organisation.load(join(root, 'config/org.genova.example.json')));
    const list = templates.list();
    expect(list.map((t) => t.id)).toEqual(['genova-avvio-anno', 'genova-verifica-intermedia']);
    expect(templates.byId('kwartaal-1')).toBeUndefined();
    for (const t of list) {
      expect(t.name.it).toBeTruthy();
      for (const text of allTexts(t)) {
        expect(text.it).toBeTruthy();
        expect(text.nl).toBeUndefined();
      }
    }
    const asked = JSON.stringify(list.map((t) => [t.name, t.questions]));
    expect(asked).not.toMatch(/Rotterdam|\bDIG\b|cluster/);
    expect(pick(list[0].questions[0].text, 'en')).toMatch(/D&I plan/);
  });

  it('Gent: a Flemish template (nl-BE), which a Dutch reader gets before the English', () => {
    const templates = new TemplatesService(Organisation.load(join(root, 'config/org.gent.example.json')));
    const [t] = templates.list();
    expect(t.id).toBe('gent-opvolgingsgesprek');
    expect(t.questions[0].text['nl-BE']).toMatch(/departement/);
    expect(JSON.stringify([t.name, t.questions])).not.toMatch(/Rotterdam|cluster/);
  });

  it('the question-set list the DIG office sees shows the organisation templates', async () => {
    const org = Organisation.load(join(root, 'config/org.genova.example.json'));
    const i18n = new I18n((l) => org.terms(l));
    i18n.register({ nl, en, it: italian });
    const office = org.actor(org.people.find((p) => p.roles.includes('digOffice'))!.aadObjectId, 'en');
    const sets = new QuestionSetsService(
      new SturingsgesprekRepository(new SqliteDocumentStore(':memory:')),
      new ManualClock('2026-11-23T09:00:00Z'),
      silentLogger(),
      new TemplatesService(org),
      {
        languages: () => ({ languages: org.languages, defaultLocale: org.defaultLocale }),
        t: (lang, key, params) => i18n.t(lang, `sturingsgesprek.${key}`, params),
      },
    );
    const list = await sets.list(office);
    expect(list.map((s) => [s.setId, s.isTemplate])).toEqual([
      ['genova-avvio-anno', true],
      ['genova-verifica-intermedia', true],
    ]);
    const copy = await sets.copy(office, 'genova-avvio-anno', 'tok1');
    expect(copy.name).toEqual({ it: "Avvio dell'anno (copia)", en: 'Start of the year (copy)' });
    expect((await sets.resolve('genova-verifica-intermedia'))?.isTemplate).toBe(true);
  });

  describe('a folder of its own', () => {
    const demo = JSON.parse(readFileSync(join(root, 'config/org.demo.json'), 'utf8')) as OrgFile;
    const template = (id: string, extra: object = {}) =>
      JSON.stringify({
        id,
        name: { nl: `Set ${id}` },
        questions: [{ id: 'q1', kind: 'text', text: { nl: 'Hoe gaat het?' } }],
        ...extra,
      });
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'panel-templates-'));
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'b'));
      writeFileSync(join(dir, 'a', 'een.json'), template('een'));
      writeFileSync(join(dir, 'b', 'twee.json'), template('twee'));
    });
    const orgWith = (templatesDir?: string) =>
      Organisation.fromObject({ ...demo, sturingsgesprek: { templatesDir } }, 'test', dir);

    it('is relative to the organisation file, and a reload naming another folder takes effect', () => {
      const org = orgWith('a');
      const templates = new TemplatesService(org);
      expect(templates.list().map((t) => t.id)).toEqual(['een']);
      org.replaceData(Organisation.parse({ ...demo, sturingsgesprek: { templatesDir: 'b' } }));
      expect(templates.list().map((t) => t.id)).toEqual(['twee']);
      org.replaceData(Organisation.parse(demo));
      expect(templates.list()).toEqual(shipped);
    });

    it('a bad template fails the start, naming its file; so do an empty folder and a repeated id', () => {
      const store = new SqliteDocumentStore(':memory:');
      const start = (org: Organisation) => () =>
        createSturingsgesprekModule({ org, store, logger: silentLogger() } as never);
      writeFileSync(join(dir, 'a', 'kapot.json'), template('kapot', { questions: [] }));
      expect(start(orgWith('a'))).toThrow(/kapot\.json is invalid: questions/);
      writeFileSync(join(dir, 'b', 'nog-een.json'), template('twee'));
      expect(start(orgWith('b'))).toThrow(/b.twee\.json repeats the id twee/);
      mkdirSync(join(dir, 'leeg'));
      expect(start(orgWith('leeg'))).toThrow(/no \.json template/);
      expect(start(orgWith('bestaat-niet'))).toThrow(/cannot read the folder/);
    });

    it('the organisation file refuses a folder outside its own', () => {
      expect(() => orgWith('../elders')).toThrow(/stays beside the organisation file|relative/);
      expect(() => orgWith('/etc')).toThrow(/relative to the organisation file/);
    });

    it('accepts the languages an organisation offers and refuses others', () => {
      writeFileSync(
        join(dir, 'a', 'talen.json'),
        template('talen', { name: { it: 'Insieme', 'nl-BE': 'Samen', fr: 'Ensemble' } }),
      );
      expect(() => new TemplatesService(orgWith('a')).list()).toThrow(/talen\.json is invalid: name/);
    });
  });
});
