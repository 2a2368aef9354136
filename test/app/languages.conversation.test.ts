import type { OrgFile } from '../../src/platform/org/org.schema';
import { cardText, cardsOf } from '../support/cards';
import { startTestBot, type TestBot } from '../support/test-bot';

/** Genova's words (the translators' brief); Italian is offered beside Rotterdam's Dutch and English. */
const genovaTerms = {
  panel: "Panel per l'inclusione",
  programme: 'D&I',
  office: 'CUG',
  secretary: 'segretario generale',
  director: 'direttore',
  directors: 'direttori',
  unit: 'direzione',
  units: 'direzioni',
  kernteam: 'gruppo di coordinamento',
  kernteamMember: 'componente del gruppo di coordinamento',
  kernteamMembers: 'componenti del gruppo di coordinamento',
  atelier: 'laboratorio',
  ateliers: 'laboratori',
};

/** A small Gent: Flemish by default, English too, and its own words. */
const gentTerms = {
  panel: 'Diversiteitspanel',
  programme: 'DEI',
  office: 'D&I-team',
  secretary: 'stadssecretaris',
  director: 'departementshoofd',
  directors: 'departementshoofden',
  unit: 'departement',
  units: 'departementen',
  kernteam: 'kernploeg',
  kernteamMember: 'lid van de kernploeg',
  kernteamMembers: 'leden van de kernploeg',
  atelier: 'leeratelier',
  ateliers: 'leerateliers',
};
const gent = (raw: OrgFile) => {
  raw.organisation.name = 'Stad Gent (test)';
  raw.organisation.defaultLocale = 'nl-BE';
  raw.organisation.languages = ['nl-BE', 'en'];
  raw.terms = { 'nl-BE': gentTerms, en: { ...gentTerms, unit: 'department', units: 'departments' } };
};

const textOf = (replies: Parameters<typeof cardsOf>[0]) => cardsOf(replies).map(cardText).join('\n');

describe('an Italian client gets Italian, with the organisation’s words', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      orgPatch: (raw) => {
        raw.organisation.languages = ['nl', 'en', 'it'];
        raw.terms.it = genovaTerms;
        // Rotterdam's fsk labels have no Italian (the file must give every offered language); not this test's subject.
        raw.advies = { grades: false };
      },
    });
  });
  afterAll(async () => bot.stop());

  it('"aiuto" from it-IT: the help card in Italian, naming laboratori, not kennisateliers', async () => {
    const { i18n } = bot.deps;
    const text = textOf(await bot.user('Medewerker Demo').locale('it-IT').say('aiuto'));
    expect(text).toContain(i18n.t('it', 'help.title'));
    expect(i18n.t('it', 'help.title')).not.toBe(i18n.t('nl', 'help.title'));
    expect(text).toContain(i18n.t('it', 'kennisatelier.help.list.title'));
    expect(text).toContain('aboratori');
    expect(text).not.toMatch(/kennisatelier|\{@/i);
  });

  it('a Dutch client in the same organisation keeps Rotterdam’s words', async () => {
    const text = textOf(await bot.user('Medewerker Demo').locale('nl-NL').say('help'));
    expect(text).toContain('Wat kan ik voor je doen?');
    expect(text).toContain('Kennisateliers');
  });
});

describe('a Flemish client in a Gent-like organisation', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: gent });
  });
  afterAll(async () => bot.stop());

  it('nl-BE: Flemish overrides where Gent speaks differently, Dutch elsewhere, and Gent’s terms', async () => {
    const { i18n } = bot.deps;
    const text = textOf(await bot.user('Medewerker Demo').locale('nl-BE').say('help'));
    expect(text).toContain(i18n.t('nl-BE', 'help.title'));
    // nl-BE.json overrides this line ("inschrijven", not "aanmelden"), with Gent's word in it.
    expect(text).toContain('Bekijk de komende leerateliers en schrijf je in of uit');
    expect(i18n.t('nl', 'kennisatelier.help.list.description')).toContain('meld je aan');
    expect(text).toContain('Leerateliers');
    expect(text).not.toMatch(/kennisatelier|\{@/i);
  });

  it('nl-NL and fr-BE clients get the organisation’s default, Flemish; en-US gets English with Gent’s words', async () => {
    const { i18n } = bot.deps;
    for (const locale of ['nl-NL', 'fr-BE']) {
      const text = textOf(await bot.user('Medewerker Demo').locale(locale).say('help'));
      expect(text).toContain(i18n.t('nl-BE', 'kennisatelier.help.list.title'));
      expect(text).toContain('Leerateliers');
    }
    const english = textOf(await bot.user('Medewerker Demo').locale('en-US').say('help'));
    expect(english).toContain('What can I do for you?');
    expect(english).toContain('Leerateliers');
  });

  it('a reloaded organisation file’s words take effect on the next turn, without a restart', async () => {
    const { org } = bot.deps;
    const data = structuredClone(org.data);
    const before = structuredClone(data);
    data.terms['nl-BE'] = { ...gentTerms, ateliers: 'vormingen' };
    org.replaceData(data);
    try {
      const text = textOf(await bot.user('Medewerker Demo').locale('nl-BE').say('help'));
      expect(text).toContain('Vormingen');
      expect(text).not.toContain('Leerateliers');
    } finally {
      org.replaceData(before);
    }
  });
});
