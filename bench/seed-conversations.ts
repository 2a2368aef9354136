import type { ConversationRecord } from '../src/platform/conversations';
import { userKey } from '../src/platform/delivery';
import { containers, type DocumentStore } from '../src/storage/document-store.port';

/** A stored 1:1 chat for each of `count` people (`idOf(1)`…), all at the fake connector's `url`. */
export async function seedConversations(
  store: DocumentStore,
  url: string,
  count: number,
  idOf: (n: number) => string,
): Promise<void> {
  const docs = Array.from({ length: count }, (_, i) => {
    const key = userKey(idOf(i + 1));
    const data: ConversationRecord = {
      key,
      reference: {
        serviceUrl: url,
        channelId: 'msteams',
        conversation: { id: `conv-${i + 1}`, conversationType: 'personal' },
        bot: { id: '28:bench' },
        user: { id: `29:${i + 1}` },
      },
      active: true,
      updatedAt: new Date().toISOString(),
    };
    return { pk: 'user', id: key, data };
  });
  for (let i = 0; i < docs.length; i += 1000)
    await store.createMany(containers.conversations, docs.slice(i, i + 1000));
}
