import { announcementFormSchema, errorKeyOf } from '../../../src/features/networks/networks.schemas';
import { containers } from '../../../src/storage/document-store.port';
import { cardInputs, cardText } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { newMembers } from './networks.conversation.helpers';

const form = (link: string) => ({
  kind: 'plain',
  announcementId: '',
  networkId: 'r-pride',
  text: 'Lees het verslag',
  link,
  toMembers: 'true',
  toChannel: 'false',
});
const errorLines = (bot: TestBot) =>
  bot.logs().filter((l) => (JSON.parse(l) as { level: number }).level >= 50);

describe('finding 15a: an invalid link in the announcement form gives the field’s message', () => {
  it.each(['niet een link', 'https://', '://x', 'http//intranet', 'https://exa mple.org'])(
    'the schema answers "%s" with the link message and never throws',
    (link) => {
      const parsed = announcementFormSchema.safeParse(form(link));
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(errorKeyOf(parsed.error)).toBe('networks.error.badLink');
    },
  );

  describe('over real HTTP', () => {
    let bot: TestBot;
    let lotte: TestUser;
    beforeAll(async () => {
      bot = await startTestBot();
      lotte = bot.user('Lotte Visser');
      await newMembers(bot, 'r-pride', 1);
    });
    afterAll(() => bot.stop());

    it('the coordinator gets the form again with the link message; nothing is stored or logged as an error', async () => {
      const res = await lotte.invoke('networks.announce.preview', form('niet een link'));
      expect(res.status).toBe(200);
      const text = cardText(res.card);
      expect(text).toContain('De link moet een volledig https-adres zijn');
      expect(text).not.toContain('er ging iets mis');
      expect(cardInputs(res.card).find((i) => i.id === 'text')?.value).toBe('Lees het verslag');
      expect(await bot.deps.store.query(containers.networks, { pk: ':announcements' })).toHaveLength(0);
      expect(errorLines(bot)).toEqual([]);
    });
  });
});
