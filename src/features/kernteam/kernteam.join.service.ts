import { days, type Clock } from '../../platform/clock';
import { DirectoryError } from '../../platform/directory/directory.port';
import { commonErrors } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Actor } from '../../platform/org/organisation';
import type { RoleGrants } from '../../platform/org/role-grants';
import { keptName } from '../../platform/people/people-names';
import { renderJoinAnswerCard } from './cards/join-answer.card';
import { requireProgrammateam } from './kernteam.access';
import { kernteamErrors } from './kernteam.errors';
import type { KernteamNotifier } from './kernteam.notifier';
import type { KernteamRepository } from './kernteam.repository';
import type { JoinSubmitPayload } from './kernteam.schemas';
import type { JoinRequest } from './kernteam.types';

/** An answered request is kept this long (who answered, how the role was given), then expires. */
const ANSWERED_KEEP_DAYS = 365;

/**
 * Meedoen: any member of staff asks for a more active role; the programmateam answers each request.
 * An accepted person gets the role through platform/org/role-grants (the Entra group, or a stored
 * grant) and has its verbs at their next message. The motivation is deleted once answered.
 */
export class JoinService {
  constructor(
    private readonly repo: KernteamRepository,
    private readonly clock: Clock,
    private readonly grants: Pick<RoleGrants, 'grant'>,
    private readonly notifier: KernteamNotifier,
    private readonly logger: Logger,
  ) {}

  async submit(actor: Actor, input: JoinSubmitPayload, name: string | undefined): Promise<JoinRequest> {
    if (actor.roles.has(input.role)) throw kernteamErrors.alreadyHasRole();
    const mine = (await this.repo.joinRequests('open')).find(
      (r) => r.userId === actor.aadObjectId && r.role === input.role,
    );
    if (mine && mine.requestId !== input.formId) throw kernteamErrors.alreadyAsked();
    const request: JoinRequest = {
      requestId: input.formId,
      userId: actor.aadObjectId,
      name: keptName(name ?? actor.person?.name),
      role: input.role,
      motivation: input.motivation,
      status: 'open',
      createdAt: this.clock.now().toISOString(),
    };
    await this.repo.createJoinRequest(request);
    this.logger.info({ requestId: request.requestId, role: request.role }, 'kernteam.join_requested');
    return request;
  }

  async open(actor: Actor): Promise<JoinRequest[]> {
    requireProgrammateam(actor);
    return this.repo.joinRequests('open');
  }

  /** Accept (the role is given first, so a failure leaves the request open) or decline; the person is told. */
  async answer(actor: Actor, requestId: string, answer: 'accept' | 'decline'): Promise<JoinRequest> {
    requireProgrammateam(actor);
    const request = await this.repo.joinRequest(requestId);
    if (!request) throw commonErrors.notFound();
    if (request.status !== 'open') throw kernteamErrors.alreadyAnswered();
    let grantedVia: JoinRequest['grantedVia'];
    if (answer === 'accept') {
      try {
        grantedVia = await this.grants.grant(request.userId, request.role, actor.aadObjectId);
      } catch (err) {
        if (!(err instanceof DirectoryError)) throw err;
        this.logger.warn({ requestId, code: err.code }, 'kernteam.join_grant_failed');
        throw kernteamErrors.groupWrite();
      }
    }
    const at = this.clock.now().toISOString();
    const answered = await this.repo.updateJoinRequest(
      requestId,
      (r) => {
        if (r.status !== 'open') return undefined;
        const { motivation: _motivation, ...rest } = r;
        const status = answer === 'accept' ? ('accepted' as const) : ('declined' as const);
        return { ...rest, status, answeredAt: at, answeredBy: actor.aadObjectId, grantedVia };
      },
      (ANSWERED_KEEP_DAYS * days(1)) / 1000,
    );
    if (!answered) throw kernteamErrors.alreadyAnswered();
    await this.notifier.send(
      `kernteam:join:${requestId}`,
      'kernteam.join.answer',
      [answered.userId],
      (text) => renderJoinAnswerCard(text, answered),
      `kernteam.join.answer.${answered.status}Title`,
    );
    this.logger.info({ requestId, status: answered.status, grantedVia }, 'kernteam.join_answered');
    return answered;
  }
}
