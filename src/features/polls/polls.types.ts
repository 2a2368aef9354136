/** Stored shapes of the polls feature. See polls.repository.ts for where each lives. */

export type PollKind = 'rating' | 'single' | 'multiple';
export type PollType = 'satisfaction' | 'adhoc';

export interface Poll {
  pollId: string;
  type: PollType;
  kind: PollKind;
  /** Ad-hoc polls: organiser-written, stored raw, escaped when rendered. Satisfaction: from the catalogue. */
  question?: string;
  /** Choice polls: the options, answers refer to them by index. */
  options: string[];
  allowComment: boolean;
  /** Fixed at creation; the repository refuses to change it afterwards. */
  anonymous: boolean;
  /** Satisfaction polls: the atelier (title is organiser-written, escaped when rendered). */
  source?: { sourceId: string; title: string; heldAt: string };
  audience: {
    /** Named people (satisfaction: the attendees); empty when the audience is a channel or networks. */
    userIds: string[];
    channelKeys: string[];
    networkIds: string[];
  };
  /** aadObjectIds who may see results besides the programmateam. */
  organiserIds: string[];
  createdBy?: string;
  openedAt: string;
  closesAt: string;
  status: 'open' | 'closed';
  closedAt?: string;
}

/**
 * One person's answer. Anonymous polls: no respondent, no time, nothing shared with the participation
 * record (see polls.answer-key.rules.ts). `key` repeats the document id so results can be ordered by it.
 */
export interface Answer {
  pollId: string;
  key: string;
  score?: number;
  choices?: number[];
  comment?: string;
  /** Only for polls that are not anonymous; the card said so before the person answered. */
  respondentId?: string;
  /**
   * Named polls only: the display name Teams gave in the answering turn, for the organisers' export
   * (most respondents are not in the organisation file). Kept and deleted with the answer.
   */
  respondentName?: string;
}

/** That a person answered: to block double answers and to remind only the others. No time, no link. */
export interface Participation {
  pollId: string;
  userId: string;
  answered: true;
}

/** The per-poll salt of the answer key, and the re-keying key while the poll closes; deleted at close. */
export interface PollSecret {
  pollId: string;
  salt: string;
  closeKey?: string;
}

export interface Tally {
  /** Per choice in the order of choiceLabels(): scores 1..5, or the options. */
  counts: number[];
  /** Rating polls only. */
  mean?: number;
  /** Rating polls only: share of answers that are 4 or 5, 0..1. */
  shareTop?: number;
  comments: string[];
}

export interface PollResults {
  poll: Poll;
  answered: number;
  /** Known for named audiences (satisfaction polls); unknown for channels and networks. */
  audienceSize?: number;
  /** Fewer than 5 answers, or an anonymous poll still open: nothing but the count leaves the service. */
  withheld: boolean;
  /** Withheld because the anonymous poll is still open (finding 7); results come at the close. */
  untilClosed?: boolean;
  tally?: Tally;
  answers?: Answer[];
}
