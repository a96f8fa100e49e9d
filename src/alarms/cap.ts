/**
 * Alarms as OASIS CAP 1.2 alerts (Common Alerting Protocol, urn:oasis:names:tc:emergency:cap:1.2)
 * and the Atom feed that lists them, so that any CAP reader can follow a commune's alarms.
 *
 * Elements appear in the order the CAP 1.2 schema requires; times carry their offset (+07:00),
 * as CAP forbids "Z"; identifier and sender hold no spaces, commas, "<" or "&".
 *
 * Who sends and what the ids are come from PUBLIC_URL, never from the request's Host header: a
 * reader that trusts a sender must not be told another one by whoever forges a header, and the
 * feed is cached publicly. An alarm declared over or cancelled adds a second message, an Update
 * or a Cancel, whose `references` name the first ("sender,identifier,sent", CAP 1.2 §3.2.1).
 */
import type { AlarmClosing, AlarmKind } from '../db/schema.ts';
import { escapeXml } from '../shared/text.ts';

export interface CapAlarm {
  id: number;
  kind: AlarmKind;
  description: string;
  public_details: boolean;
  occurred_at: Date;
  raised_at: Date;
  closed_as: AlarmClosing | null;
  closed_at: Date | null;
  village_name: string;
  commune_name: string;
  commune_code: string | null;
  province_code?: string | null;
  province_name: string | null;
}

/** Where the documents live: the sender and the ids from PUBLIC_URL, links to where they can be fetched. */
export interface CapSite {
  /** PUBLIC_URL, or a fixed stand-in when it is not set (the Host header is never used). */
  origin: string;
  /** Where links point: PUBLIC_URL, else the address the request came to (links only, never ids). */
  base: string;
}

/** Without PUBLIC_URL the platform has no public name; a fixed one beats whatever a client claims. */
export const CAP_FALLBACK_ORIGIN = 'http://localhost';

const CATEGORY: Record<AlarmKind, string> = { crime: 'Security', fire: 'Fire', other: 'Safety' };
const EVENT: Record<AlarmKind, string> = { crime: 'Báo động tội phạm', fire: 'Báo động cháy', other: 'Báo động' };
// A fire threatens life and property at once; a crime or another incident may.
const SEVERITY: Record<AlarmKind, string> = { crime: 'Moderate', fire: 'Severe', other: 'Moderate' };
/**
 * How long a reader should keep sounding a message: an alarm is about the next hours (the patrol
 * log keeps what follows), and an end or cancellation needs to outlive the alert it closes.
 */
const ALERT_HOURS = 12;
const CLOSING_HOURS = 24;
const HOUR_MS = 3_600_000;

/** "2026-11-22T22:05:00+07:00": Vietnam's time with its offset, to the second. */
export function capTime(d: Date): string {
  return new Date(d.getTime() + 7 * HOUR_MS).toISOString().slice(0, 19) + '+07:00';
}

type Message = { msgType: 'Alert' | 'Update' | 'Cancel'; suffix: '' | '-update' | '-cancel'; sent: Date };

/** The alarm's messages, first to last: the alert, then its end (Update) or cancellation (Cancel). */
export function messagesOf(a: CapAlarm): Message[] {
  const alert: Message = { msgType: 'Alert', suffix: '', sent: a.raised_at };
  if (!a.closed_as || !a.closed_at) return [alert];
  const closing: Message = a.closed_as === 'cancelled'
    ? { msgType: 'Cancel', suffix: '-cancel', sent: a.closed_at }
    : { msgType: 'Update', suffix: '-update', sent: a.closed_at };
  return [alert, closing];
}

export const capIdentifier = (id: number, suffix = '') => `binhyen-alarm-${id}${suffix}`;
/** The sender: this installation, named by PUBLIC_URL's host ("binhyen@binhyen.example.vn"). */
export const capSender = (origin: string) => `binhyen@${new URL(origin).host.replace(/[^A-Za-z0-9.:-]/g, '')}`;
const docPath = (id: number, suffix = '') => `/cap/alerts/${id}${suffix}.xml`;
export const headlineOf = (a: CapAlarm) => `${EVENT[a.kind]} tại ${a.village_name}, ${a.commune_name}`;
const areaDescOf = (a: CapAlarm) => [a.village_name, a.commune_name, a.province_name].filter(Boolean).join(', ');
const closingHeadline = (a: CapAlarm, m: Message) =>
  `${m.msgType === 'Cancel' ? 'Hủy' : 'Kết thúc'}: ${headlineOf(a)}`;
/** What the public may read: the officer may have kept the description out of the feed. */
const publicText = (a: CapAlarm, m: Message) => {
  if (m.msgType === 'Cancel') return 'Báo động đã bị hủy (phát nhầm hoặc không đúng sự việc).';
  if (m.msgType === 'Update') return 'Sự việc đã kết thúc, báo động được gỡ.';
  return a.public_details ? a.description : undefined;
};

/** The CAP document of one of the alarm's messages (suffix '' the alert, '-update' or '-cancel' its closing). */
export function capAlert(a: CapAlarm, site: CapSite, suffix: string = ''): string | undefined {
  const messages = messagesOf(a);
  const m = messages.find((x) => x.suffix === suffix);
  if (!m) return undefined;
  const x = escapeXml;
  const sender = capSender(site.origin);
  const first = messages[0]!;
  const geocodes = [
    a.commune_code && `<geocode><valueName>VN-GSO-XA</valueName><value>${x(a.commune_code)}</value></geocode>`,
    a.province_code && `<geocode><valueName>VN-GSO-TINH</valueName><value>${x(a.province_code)}</value></geocode>`,
  ].filter(Boolean);
  const text = publicText(a, m);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    `<identifier>${capIdentifier(a.id, m.suffix)}</identifier>`,
    `<sender>${x(sender)}</sender>`,
    `<sent>${capTime(m.sent)}</sent>`,
    '<status>Actual</status>',
    `<msgType>${m.msgType}</msgType>`,
    '<scope>Public</scope>',
    m !== first && `<references>${x(`${sender},${capIdentifier(a.id)},${capTime(first.sent)}`)}</references>`,
    '<info>',
    '<language>vi-VN</language>',
    `<category>${CATEGORY[a.kind]}</category>`,
    `<event>${EVENT[a.kind]}</event>`,
    m.msgType !== 'Alert' && '<responseType>AllClear</responseType>',
    `<urgency>${m.msgType === 'Alert' ? 'Immediate' : 'Past'}</urgency>`,
    `<severity>${SEVERITY[a.kind]}</severity>`,
    `<certainty>${m.msgType === 'Cancel' ? 'Unlikely' : 'Observed'}</certainty>`,
    `<onset>${capTime(a.occurred_at)}</onset>`,
    `<expires>${capTime(new Date(m.sent.getTime() + (m === first ? ALERT_HOURS : CLOSING_HOURS) * HOUR_MS))}</expires>`,
    `<senderName>${x(`Bình Yên — ${a.commune_name}`)}</senderName>`,
    `<headline>${x(m === first ? headlineOf(a) : closingHeadline(a, m))}</headline>`,
    text !== undefined && `<description>${x(text)}</description>`,
    `<web>${x(site.base + docPath(a.id, m.suffix))}</web>`,
    '<area>',
    `<areaDesc>${x(areaDescOf(a))}</areaDesc>`,
    ...geocodes,
    '</area>',
    '</info>',
    '</alert>',
    '',
  ].filter((line) => line !== false).join('\n');
}

/** The Atom feed (RFC 4287) of the newest alerts and their closings, each linked to its CAP document. */
export function atomFeed(alarms: CapAlarm[], site: CapSite & { now: Date }): string {
  const x = escapeXml;
  const messages = alarms.flatMap((a) => messagesOf(a).map((m) => ({ a, m })))
    .sort((p, q) => q.m.sent.getTime() - p.m.sent.getTime());
  const updated = (messages[0]?.m.sent ?? site.now).toISOString();
  const entries = messages.map(({ a, m }) => {
    const text = publicText(a, m);
    return [
      '<entry>',
      `<id>${x(site.origin + docPath(a.id, m.suffix))}</id>`,
      `<title>${x(m.msgType === 'Alert' ? headlineOf(a) : closingHeadline(a, m))}</title>`,
      `<updated>${m.sent.toISOString()}</updated>`,
      `<published>${m.sent.toISOString()}</published>`,
      `<author><name>${x(`Bình Yên — ${a.commune_name}`)}</name></author>`,
      `<category term="${CATEGORY[a.kind]}"/>`,
      `<summary>${x(text === undefined ? areaDescOf(a) : `${areaDescOf(a)}: ${text}`)}</summary>`,
      `<link rel="alternate" type="application/cap+xml" href="${x(site.base + docPath(a.id, m.suffix))}"/>`,
      '</entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<id>${x(`${site.origin}/cap/alerts.atom`)}</id>`,
    '<title>Bình Yên — Báo động (CAP 1.2)</title>',
    `<updated>${updated}</updated>`,
    '<author><name>Bình Yên</name></author>',
    `<link rel="self" type="application/atom+xml" href="${x(`${site.base}/cap/alerts.atom`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
