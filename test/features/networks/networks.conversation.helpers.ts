import { cardsOf, findAction } from '../../support/cards';
import type { BotActivity, TestBot, TestUser } from '../../support/test-bot';

export const rPrideChannelTitle = 'R-Pride';
export const rPrideChannelId = '19:RPride@thread.tacv2';

/** The demo organisation with R-Pride's own Teams channel configured. */
export const withRPrideChannel = (org: { networks: Array<{ id: string; channelId?: string }> }) => {
  const n = org.networks.find((x) => x.id === 'r-pride');
  if (n) n.channelId = rPrideChannelId;
};

export const lastCard = (activities: BotActivity[]) =>
  cardsOf(activities).at(-1) as Record<string, unknown> | undefined;

/** Opens the networks card in the 1:1 chat and presses "Lid worden" on the network's row. */
export async function join(user: TestUser, networkId: string) {
  const card = lastCard(await user.say('netwerken'));
  const action = findAction(card, 'Lid worden');
  const res = await user.invoke(action.verb!, { ...action.data, networkId });
  return res.card;
}

/** n new colleagues (not in the organisation file) who talked to the bot and joined the network. */
export async function newMembers(
  bot: TestBot,
  networkId: string,
  n: number,
  prefix = 'Collega',
): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 1; i <= n; i++) {
    const user = bot.user(`${prefix} ${i}`);
    await join(user, networkId);
    users.push(user);
  }
  return users;
}
