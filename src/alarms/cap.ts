/**
 * Alarms as OASIS CAP 1.2 alerts (Common Alerting Protocol, urn:oasis:names:tc:emergency:cap:1.2)
 * and the Atom feed that lists them, so that any CAP reader can follow a commune's alarms.
 *
 * Elements appear in the order the CAP 1.2 schema requires; times carry their offset (+07:00),
 * as CAP forbids "Z"; identifier and sender hold no spaces, commas, "<" or "&".
 */
import type { AlarmKind } from '../db/schema.ts';
import { escapeXml } from '../shared/text.ts';

export interface CapAlarm {
  id: number;
  kind: AlarmKind;
  description: string;
  occurred_at: Date;
  raised_at: Date;
  village_name: string;
  commune_name: string;
  commune_code: string | null;
  province_code?: string | null;
  province_name: string | null;
}

const CATEGORY: Record<AlarmKind, string> = { crime: 'Security', fire: 'Fire', other: 'Safety' };
const EVENT: Record<AlarmKind, string> = { crime: 'Báo động tội phạm', fire: 'Báo động cháy', other: 'Báo động' };
// A fire threatens life and property at once; a crime or another incident may.
const SEVERITY: Record<AlarmKind, string> = { crime: 'Moderate', fire: 'Severe', other: 'Moderate' };


/** "2026-11-22T22:05:00+07:00": Vietnam's time with its offset, to the second. */
export function capTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}

export const capIdentifier = (id: number) => `binhyen-alarm-${id}`;
/** The sender: this installation, named by its host ("binhyen@binhyen.example.vn"). */
export const capSender = (host: string) => `binhyen@${host.replace(/[^A-Za-z0-9.:-]/g, '')}`;
export const headlineOf = (a: CapAlarm) => `${EVENT[a.kind]} tại ${a.village_name}, ${a.commune_name}`;
const areaDescOf = (a: CapAlarm) => [a.village_name, a.commune_name, a.province_name].filter(Boolean).join(', ');

export function capAlert(a: CapAlarm, opts: { host: string; base: string }): string {
  const x = escapeXml;
  const geocodes = [
    a.commune_code && `<geocode><valueName>VN-GSO-XA</valueName><value>${x(a.commune_code)}</value></geocode>`,
    a.province_code && `<geocode><valueName>VN-GSO-TINH</valueName><value>${x(a.province_code)}</value></geocode>`,
  ].filter(Boolean);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    `<identifier>${capIdentifier(a.id)}</identifier>`,
    `<sender>${x(capSender(opts.host))}</sender>`,
    `<sent>${capTime(a.raised_at)}</sent>`,
    '<status>Actual</status>',
    '<msgType>Alert</msgType>',
    '<scope>Public</scope>',
    '<info>',
    '<language>vi-VN</language>',
    `<category>${CATEGORY[a.kind]}</category>`,
    `<event>${EVENT[a.kind]}</event>`,
    '<urgency>Immediate</urgency>',
    `<severity>${SEVERITY[a.kind]}</severity>`,
    '<certainty>Observed</certainty>',
    `<onset>${capTime(a.occurred_at)}</onset>`,
    `<senderName>${x(`Bình Yên — ${a.commune_name}`)}</senderName>`,
    `<headline>${x(headlineOf(a))}</headline>`,
    `<description>${x(a.description)}</description>`,
    `<web>${x(`${opts.base}/cap/alerts/${a.id}.xml`)}</web>`,
    '<area>',
    `<areaDesc>${x(areaDescOf(a))}</areaDesc>`,
    ...geocodes,
    '</area>',
    '</info>',
    '</alert>',
    '',
  ].join('\n');
}

/** The Atom feed (RFC 4287) of the newest alerts, each linked to its CAP document. */
export function atomFeed(alarms: CapAlarm[], opts: { host: string; base: string; now: Date }): string {
  const x = escapeXml;
  const updated = (alarms[0]?.raised_at ?? opts.now).toISOString();
  const entries = alarms.map((a) => {
    const url = `${opts.base}/cap/alerts/${a.id}.xml`;
    return [
      '<entry>',
      `<id>${x(url)}</id>`,
      `<title>${x(headlineOf(a))}</title>`,
      `<updated>${a.raised_at.toISOString()}</updated>`,
      `<published>${a.raised_at.toISOString()}</published>`,
      `<author><name>${x(`Bình Yên — ${a.commune_name}`)}</name></author>`,
      `<category term="${CATEGORY[a.kind]}"/>`,
      `<summary>${x(`${areaDescOf(a)}: ${a.description}`)}</summary>`,
      `<link rel="alternate" type="application/cap+xml" href="${x(url)}"/>`,
      '</entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<id>${x(`${opts.base}/cap/alerts.atom`)}</id>`,
    '<title>Bình Yên — Báo động (CAP 1.2)</title>',
    `<updated>${updated}</updated>`,
    '<author><name>Bình Yên</name></author>',
    `<link rel="self" type="application/atom+xml" href="${x(`${opts.base}/cap/alerts.atom`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
