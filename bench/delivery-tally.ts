/** From how many copies each recipient got: how many got none (lost) and how many extra copies went out. */
export function lostAndDuplicates(copies: readonly number[]): { lost: number; duplicates: number } {
  let lost = 0;
  let duplicates = 0;
  for (const c of copies) {
    if (c === 0) lost += 1;
    else duplicates += c - 1;
  }
  return { lost, duplicates };
}

/** The copies each of recipients 1…count got in the 1:1 chats `conv-1`… (bench/seed-conversations.ts). */
export function copiesPerConversation(
  counts: ReadonlyMap<string, number>,
  count: number,
  idOf = (n: number) => `conv-${n}`,
): number[] {
  return Array.from({ length: count }, (_, i) => counts.get(idOf(i + 1)) ?? 0);
}
