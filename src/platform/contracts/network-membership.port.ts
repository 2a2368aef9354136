/**
 * The contract by which a feature asks whether someone is in a network's audience (a network-only
 * atelier, a poll sent to networks) without learning who the members are: membership is special-category
 * data and stays inside the networks feature, which provides the check at registration. Until then, and
 * whenever nobody provides it, the answer is "no": access fails closed.
 */
export type MembershipCheck = (networkId: string, aadObjectId: string) => Promise<boolean>;

export class NetworkMembership {
  private check?: MembershipCheck;

  provide(check: MembershipCheck): void {
    if (this.check) throw new Error('Network membership is already provided');
    this.check = check;
  }

  /** True when the person is a member of at least one of the networks. */
  async isMemberOfAny(aadObjectId: string, networkIds: readonly string[]): Promise<boolean> {
    const check = this.check;
    if (!check) return false;
    const id = aadObjectId.toLowerCase();
    for (const networkId of networkIds) if (await check(networkId, id)) return true;
    return false;
  }
}
