import type { BroadcastStatus } from '../../platform/delivery/delivery.port';
import type { Network } from '../../platform/org/org.schema';
import type { SignupStatus } from '../../platform/signups';

/**
 * Membership of a network: special-category data (ARCHITECTURE: visible to that network's
 * coordinators only, never in reports, exports or logs).
 */
export interface MemberDoc {
  type: 'member';
  networkId: string;
  aadObjectId: string;
  /** Display name Teams gave at joining; only the network's coordinators ever see it. */
  name?: string;
  joinedAt: string;
  /** ISO UTC; until then the member gets no coordinator announcements. */
  snoozedUntil?: string;
}

export interface NetworkOverview {
  network: Network;
  member: boolean;
  snoozedUntil?: string;
}

export interface MemberPage {
  network: Network;
  total: number;
  page: number;
  pages: number;
  members: Array<{ name?: string; snoozed: boolean }>;
}

export interface MeetupDetails {
  title: string;
  /** ISO UTC. */
  startsAt: string;
  place: string;
  /** null = unlimited. */
  capacity: number | null;
  /** Members sign up through the shared sign-up model (list id = `meetupListId`). */
  rsvp: boolean;
}

export interface AnnouncementContent {
  kind: 'plain' | 'meetup';
  /** As the coordinator typed it; escaped only when it goes into a card. */
  text: string;
  link?: string;
  meetup?: MeetupDetails;
}

export interface AnnouncementDoc extends AnnouncementContent {
  type: 'announcement';
  /** Also the delivery broadcast id. */
  id: string;
  networkId: string;
  toMembers: boolean;
  toChannel: boolean;
  status: 'draft' | 'sent' | 'retracted';
  /** 1 when sent; each correction adds one (it is the delivery update id). */
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  sentBy?: string;
  memberRecipients?: number;
  /** Members who had paused this network's announcements when it was sent (a count only). */
  mutedMembers?: number;
  retractedAt?: string;
}

/** Who signed up for a meetup, by name; undefined where nobody could name them (shown neutrally). */
export interface RsvpOverview {
  capacity: number | null;
  attending: Array<string | undefined>;
  waitlist: Array<string | undefined>;
}

/** What a coordinator sees of a sent announcement: delivery counts and, for a meetup, who signed up. */
export interface AnnouncementStatusView {
  doc: AnnouncementDoc;
  delivery?: BroadcastStatus;
  rsvp?: RsvpOverview;
  /** Sent ones: until when they can be retracted or corrected, and whether that is still so. */
  changeableUntil?: Date;
  changeable?: boolean;
}

/** Where the button was pressed: the network's own channel lets non-members sign up too. */
export interface RsvpContext {
  /** The Teams channel id the invoke came from, if any. */
  channelId?: string;
  displayName?: string;
}

export interface RsvpResult {
  doc: AnnouncementDoc;
  status: SignupStatus;
  changed: boolean;
  viaChannel: boolean;
  /** The person's calendar file while they hold a seat. */
  icsUrl?: string;
}
