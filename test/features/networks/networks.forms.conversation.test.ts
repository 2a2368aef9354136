import { containers } from '../../../src/storage/document-store.port';
import { cardInputs, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { newMembers, rPrideChannelTitle, withRPrideChannel } from './networks.conversation.helpers';

const announcement = (text: string, extra: Record<string, unknown> = {}) => ({
  kind: 'plain',
  announcementId: '',
  networkId: 'r-pride',
  text,
  link: '',
  toMembers: 'true',
  toChannel: 'false',
  ...extra,
});
const announcements = (bot: TestBot) => bot.deps.store.query(containers.networks, { pk: ':announcements' });

describe('networks: a refused form comes back with what was typed; refusals change nothing', () => {
  let bot: TestBot;
  let lotte: TestUser;

  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: withRPrideChannel });
    lotte = bot.user('Lotte Visser');
    await newMembers(bot, 'r-pride', 1);
  });
  afterAll(async () => bot.stop());

  it('a meetup in the past is refused on the form itself, the text kept, and nothing is stored', async () => {
    const meetup = {
      kind: 'meetup',
      title: 'Terugblik',
      date: '2026-11-20',
      time: '17:00',
      place: 'Timmerhuis',
    };
    const res = await lotte.invoke(
      'networks.announce.preview',
      announcement('Wie kijkt er mee terug?', meetup),
    );
    expect(cardText(res.card)).toContain('De bijeenkomst moet in de toekomst liggen. Er is niets verstuurd.');
    expect(cardInputs(res.card).find((i) => i.id === 'text')?.value).toBe('Wie kijkt er mee terug?');
    expect(cardInputs(res.card).find((i) => i.id === 'title')?.value).toBe('Terugblik');
    expect(await announcements(bot)).toHaveLength(0);
  });

  it("a correction on top of someone else's newer one shows the correction form again, on the version it was opened on", async () => {
    const preview = await lotte.invoke('networks.announce.preview', announcement('Borrel in het Timerhuis'));
    const send = findAction(preview.card, 'Versturen');
    await lotte.invoke(send.verb!, send.data);
    await bot.runDue();
    const id = String(send.data?.announcementId);
    const form = await lotte.invoke('networks.announce.correctForm', { announcementId: id });
    const submit = findAction(form.card, 'Correctie versturen');
    expect(
      cardText((await lotte.invoke(submit.verb!, { ...submit.data, text: 'Borrel in het Timmerhuis' })).card),
    ).toContain('versie 2');

    const stale = await lotte.invoke(submit.verb!, { ...submit.data, text: 'Borrel in het Stadhuis' });
    expect(cardText(stale.card)).toContain('Iemand anders heeft deze aankondiging net aangepast.');
    expect(cardInputs(stale.card).find((i) => i.id === 'text')?.value).toBe('Borrel in het Stadhuis');
    expect(findAction(stale.card, 'Correctie versturen').data?.baseRevision).toBe('1');
    const stored = (await announcements(bot)).find((d) => d.id === id)?.data as {
      revision: number;
      text: string;
    };
    expect(stored).toMatchObject({ revision: 2, text: 'Borrel in het Timmerhuis' });
  });

  it('coordinator verbs and commands are refused in a channel; a malformed payload gets the common card and is logged without values', async () => {
    const channel = bot.channel(rPrideChannelTitle).as(lotte);
    const before = JSON.stringify(await bot.deps.store.query(containers.networks));
    const form = await channel.invoke('networks.announce.form', { kind: 'meetup' });
    expect(cardText(form.card)).toContain('Netwerken regel je privé: stuur me een persoonlijk bericht');
    const replies = await channel.say('aankondiging');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('stuur me een persoonlijk bericht');
    expect(cardsOf(replies)).toHaveLength(0);

    const id = (await announcements(bot))[0]!.id;
    const bad = await lotte.invoke('networks.announce.retract', { announcementId: id, confirm: 'ja hoor' });
    expect(cardText(bad.card)).toContain('Dat begreep ik niet goed');
    const logged = bot.logs().filter((l) => l.includes('invalid card payload'));
    expect(logged.some((l) => l.includes('networks.announce.retract'))).toBe(true);
    expect(logged.join('\n')).not.toContain('ja hoor');
    await bot.runDue();
    expect(JSON.stringify(await bot.deps.store.query(containers.networks))).toBe(before);
  });
});
