import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayEnd, dayStart } from '../shared/dates.ts';
import { addWorkingDays, calendarKnown, isWorkingDay, restDayName } from '../shared/workdays.ts';
import {
  decisionFor, dueSoonFrom, endsAtMoment, isBodyExtension, isCommunesOwn, extensionsOf, handoverDueAt, isBodyStage, isOpenStage, latestFor, lastDayOf, legalLastDay, LEGAL_TERMS,
  nextStages, noticesOf, procuracyAskBy, termPatch, TIP_STATUSES, urgencyOf, type TermState,
} from './deadlines.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the official calendar (Bộ luật Lao động art. 112; the yearly notices)', () => {
  it('knows the holidays, the days swapped and the Saturdays worked', () => {
    expect(restDayName('2026-02-17')).toBe('Tết Nguyên đán');
    expect(restDayName('2026-09-02')).toBe('Quốc khánh');
    expect(restDayName('2026-04-27')).toMatch(/Nghỉ bù Giỗ Tổ/);
    expect(restDayName('2026-08-31')).toMatch(/hoán đổi/);
    expect(isWorkingDay('2026-08-22')).toBe(true); // a Saturday worked for 31/8
    expect(isWorkingDay('2026-01-10')).toBe(true); // a Saturday worked for 2/1
    expect(restDayName('2026-12-06')).toBe('Chủ nhật');
    expect(restDayName('2026-12-05')).toBe('Thứ Bảy');
    expect(isWorkingDay('2026-12-08')).toBe(true);
  });

  it('counts working days from the day after, past holidays and weekends', () => {
    expect(addWorkingDays('2026-04-24', 3)).toBe('2026-05-04'); // 27/4, 30/4, 1/5 off
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23'); // Tết Bính Ngọ
    expect(addWorkingDays('2026-08-21', 1)).toBe('2026-08-22'); // the Saturday worked
    expect(addWorkingDays('2026-12-07', 7)).toBe('2026-12-16');
  });

  it('falls back to the solar holidays for a year not yet in the calendar, and says so', () => {
    expect(calendarKnown('2026-12-31')).toBe(true);
    expect(calendarKnown('2027-02-08')).toBe(false);
    expect(restDayName('2027-04-30')).toBe('Ngày Chiến thắng');
    expect(isWorkingDay('2027-02-08')).toBe(true); // Tết Đinh Mùi is not known yet: docs/tip-deadlines.md
  });
});

describe('the commune\'s own term for a crime report (TTLT 01/2017)', () => {
  it('hands it over within 24 hours, 48 in a remote commune', () => {
    const at = new Date('2026-12-05T15:30:00Z');
    expect(handoverDueAt(at, false).toISOString()).toBe('2026-12-06T15:30:00.000Z');
    expect(handoverDueAt(at, true).toISOString()).toBe('2026-12-07T15:30:00.000Z');
    const due = handoverDueAt(at, true);
    expect(urgencyOf(due, dueSoonFrom('handover', due), new Date(due.getTime() - 6 * HOUR - 1))).toBe('on_time');
    expect(urgencyOf(due, dueSoonFrom('handover', due), new Date(due.getTime() - 6 * HOUR))).toBe('due_soon');
    expect(urgencyOf(due, dueSoonFrom('handover', due), new Date(due.getTime() + 1))).toBe('overdue');
  });
});

describe('the body\'s terms (BLTTHS art. 134, 147, 149)', () => {
  it('ends 20 days on the 20th day, the day of the body\'s receipt the first: day 20 on time, day 21 late', () => {
    const last = legalLastDay('standard', '2026-12-01');
    expect(last).toBe('2026-12-20'); // a Sunday: a term in days does not move (art. 134)
    const due = dayEnd(last);
    expect(urgencyOf(due, null, new Date(dayStart('2026-12-21').getTime() - 1))).toBe('on_time');
    expect(urgencyOf(due, null, new Date(dayStart('2026-12-21').getTime() + 1))).toBe('overdue');
  });

  it('moves a term in months that ends on a rest day to the next working day', () => {
    expect(legalLastDay('complex', '2026-10-06')).toBe('2026-12-07'); // Sunday 6/12 → Monday
    expect(legalLastDay('complex', '2025-12-17')).toBe('2026-02-23'); // 17/2/2026 is Tết
    expect(legalLastDay('complex', '2026-07-02')).toBe('2026-09-03'); // 2/9 Quốc khánh
    expect(legalLastDay('complex', '2026-06-30')).toBe('2026-09-03'); // Sunday 30/8, 31/8 swapped, 1–2/9
    expect(legalLastDay('complex', '2026-06-22')).toBe('2026-08-22'); // a Saturday worked stays
    expect(legalLastDay('resumed', '2026-01-01')).toBe('2026-02-02'); // 1 month after resumption
    expect(legalLastDay('procuracy', '2026-12-31')).toBe('2027-03-01'); // 28/2/2027 is a Sunday
  });

  it('holds for any day of the known years: the same day two months on, or the first working day after', () => {
    const day = fc.integer({ min: 0, max: 600 }).map((n) => addDays('2025-01-01', n));
    fc.assert(fc.property(day, (from) => {
      const last = legalLastDay('complex', from);
      const same = addMonths(from, 2);
      if (!calendarKnown(last)) return;
      expect(isWorkingDay(last)).toBe(true);
      expect(last >= same).toBe(true);
      for (let d = same; d < last; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
      expect(lastDayOf(dayEnd(last))).toBe(last);
    }));
  });
});

describe('extensions and the last day to ask the procuracy (art. 147(2))', () => {
  // The body received it on Tuesday 6/10/2026: 20 days end on 25/10, two months on Monday 7/12.
  const body = new Date('2026-10-06T03:00:00Z');
  const state = (legal_term: TermState['legal_term'], lastDay: string): TermState =>
    ({ kind: 'crime', legal_term, received_at: body, body_received_at: body, legal_due_at: dayEnd(lastDay), accepted_on: null });
  const now = new Date('2026-10-10T03:00:00Z');

  it('lets a complex case be extended in steps up to 2 months, then the procuracy once, then nothing', () => {
    expect(extensionsOf(state('standard', '2026-10-25'), now)).toEqual(['complex']);
    expect(extensionsOf(state('complex', '2026-11-30'), now)).toEqual(['complex']);
    expect(extensionsOf(state('complex', '2026-12-07'), now)).toEqual(['procuracy']);
    expect(extensionsOf(state('procuracy', '2027-02-08'), now)).toEqual([]);
    expect(extensionsOf(state('resumed', '2026-11-10'), now)).toEqual([]);
    // A 20-day term never goes to the procuracy directly, and nothing runs for the body before it received the case.
    expect(extensionsOf(state('standard', '2026-12-07'), now)).toEqual([]);
    expect(extensionsOf({ ...state('complex', '2026-12-07'), body_received_at: null }, now)).toEqual([]);
    expect(latestFor(state('standard', '2026-10-25'), 'complex')).toBe('2026-12-07');
    expect(latestFor(state('complex', '2026-12-07'), 'procuracy')).toBe('2027-02-08');
  });

  it('gives none once the term is over, to the millisecond', () => {
    const t = state('standard', '2026-10-25');
    const due = dayEnd('2026-10-25');
    expect(extensionsOf(t, new Date(due.getTime() - 1))).toEqual(['complex']);
    expect(extensionsOf(t, due)).toEqual([]);
  });

  it('shows the last day to ask, 5 days before the 2 months end, and flags the case 3 days before that', () => {
    const t = state('complex', '2026-12-07');
    expect(procuracyAskBy(t, now)).toBe('2026-12-02');
    expect(procuracyAskBy(state('complex', '2026-11-30'), now)).toBeNull(); // the body may still extend it itself
    expect(procuracyAskBy(state('standard', '2026-10-25'), now)).toBeNull();
    const due = dayEnd('2026-12-07');
    const soon = dueSoonFrom('complex', due)!;
    expect(soon.toISOString()).toBe(dayStart('2026-11-30').toISOString());
    expect(urgencyOf(due, soon, new Date(soon.getTime() - 1))).toBe('on_time');
    expect(urgencyOf(due, soon, soon)).toBe('due_soon');
  });
});

describe('denunciations (Luật Tố cáo art. 30)', () => {
  it('settles within 30 days of acceptance, moved off a rest day; each extension 30 more', () => {
    expect(legalLastDay('denunciation', '2026-07-31')).toBe('2026-09-03'); // 30/8 Sunday, 31/8–2/9 off
    expect(legalLastDay('denunciation', '2026-11-02')).toBe('2026-12-02');
    const t: TermState = { kind: 'denunciation', legal_term: 'denunciation', received_at: '2026-10-20T03:00:00Z', body_received_at: null, legal_due_at: dayEnd('2026-12-02'), accepted_on: '2026-11-02' };
    const now = new Date('2026-11-20T03:00:00Z');
    expect(extensionsOf(t, now)).toEqual(['denunciation_extended']);
    expect(extensionsOf({ ...t, legal_term: 'denunciation_extended' }, now)).toEqual(['denunciation_extended_twice']);
    expect(extensionsOf({ ...t, legal_term: 'denunciation_extended_twice' }, now)).toEqual([]);
    expect(latestFor(t, 'denunciation_extended')).toBe('2027-01-04'); // 1/1/2027 Tết Dương lịch, then a weekend
  });
});

describe('the stages each kind of case goes through', () => {
  it('hands a crime report over from the commune; its later stages only where the commune\'s investigator settles it', () => {
    expect(nextStages(null, 'new', false)).toEqual(['verifying', 'transferred']);
    expect(nextStages('crime', 'verifying', false)).toEqual(['transferred']);
    expect(nextStages('crime', 'transferred', false)).toEqual([]);
    expect(nextStages('crime', 'transferred', true)).toEqual(['handling']);
    expect(nextStages('crime', 'handling', true)).toEqual(['resolved', 'suspended']);
    expect(nextStages('crime', 'suspended', true)).toEqual(['handling']);
    expect(nextStages('crime', 'new', false)).not.toContain('unfounded');
    expect(isBodyStage(null, 'handling')).toBe(true);
    expect(isBodyStage('other', 'handling')).toBe(false);
  });

  it('accepts a denunciation or not, or passes it on; settles it once accepted', () => {
    expect(nextStages('denunciation', 'new', false)).toEqual(['handling', 'not_accepted', 'transferred']);
    expect(nextStages('denunciation', 'handling', false)).toEqual(['resolved']);
    expect(nextStages('denunciation', 'resolved', false)).toEqual([]);
  });
});

describe('the notices a decision owes', () => {
  const at = new Date('2026-11-27T02:00:00Z'); // Friday 27/11/2026, 09:00 in Vietnam
  it('sends a suspension to the procuracy in 24 hours, a resumption in 3 days, a result in 3 working days, the day of the decision the first', () => {
    expect(noticesOf('suspend', '2026-11-27', at)).toEqual([{ recipient: 'procuracy', due: new Date(at.getTime() + DAY) }]);
    expect(noticesOf('resume', '2026-11-27', at).map((n) => n.due)).toEqual([dayEnd('2026-11-29'), dayEnd('2026-11-29')]);
    expect(noticesOf('not_prosecute', '2026-11-27', at).map((n) => [n.recipient, n.due])).toEqual([
      ['informant', dayEnd('2026-12-01')], ['procuracy', dayEnd('2026-12-01')],
    ]);
    // Signed on a Saturday: the working days start on Monday.
    expect(noticesOf('prosecute', '2026-11-28', at)[0]!.due).toEqual(dayEnd('2026-12-02'));
    expect(noticesOf('accept', '2026-11-27', at)).toEqual([{ recipient: 'informant', due: dayEnd('2026-12-04') }]);
    expect(noticesOf('complex', '2026-11-27', at)).toEqual([]);
  });
});

describe('the tables, whole', () => {
  it('gives each kind and stage exactly its next stages', () => {
    const table = Object.fromEntries((['crime', 'denunciation', 'other'] as const).map((kind) => [kind, Object.fromEntries(
      TIP_STATUSES.map((st) => [st, [nextStages(kind, st, false), nextStages(kind, st, true)]]),
    )]));
    expect(table.crime).toEqual({
      new: [['verifying', 'transferred'], ['verifying', 'transferred']], verifying: [['transferred'], ['transferred']],
      handling: [[], ['resolved', 'suspended']], suspended: [[], ['handling']], resolved: [[], []], transferred: [[], ['handling']],
      not_accepted: [[], []], unfounded: [[], []],
    });
    expect(table.denunciation).toEqual({
      new: [['handling', 'not_accepted', 'transferred'], ['handling', 'not_accepted', 'transferred']], verifying: [[], []],
      handling: [['resolved'], ['resolved']], suspended: [[], []], resolved: [[], []], transferred: [[], []], not_accepted: [[], []], unfounded: [[], []],
    });
    const other = ['handling', 'resolved', 'unfounded', 'transferred'];
    expect(table.other).toEqual({
      new: [['verifying', ...other], ['verifying', ...other]], verifying: [other, other], handling: [other.slice(1), other.slice(1)],
      suspended: [[], []], resolved: [[], []], transferred: [[], []], not_accepted: [[], []], unfounded: [[], []],
    });
  });

  it('says which stages are open, which the body\'s, and which decision each records', () => {
    expect(TIP_STATUSES.filter((st) => isOpenStage(st, false))).toEqual(['new', 'verifying', 'handling', 'suspended']);
    expect(TIP_STATUSES.filter((st) => isOpenStage(st, true))).toEqual(['new', 'verifying', 'handling', 'suspended', 'transferred']);
    expect(TIP_STATUSES.filter((st) => isBodyStage('crime', st))).toEqual(['handling', 'suspended', 'resolved']);
    expect(TIP_STATUSES.filter((st) => isBodyStage('denunciation', st))).toEqual([]);
    expect(LEGAL_TERMS.filter(endsAtMoment)).toEqual(['handover', 'none']);
    expect((['complex', 'procuracy', 'acceptance_long', 'denunciation_extended', 'denunciation_extended_twice'] as const).filter(isBodyExtension))
      .toEqual(['complex', 'procuracy']);
    const own = { status: 'verifying' as const, handed_over_at: null, accepted_on: null };
    expect([isCommunesOwn(own), isCommunesOwn({ ...own, status: 'resolved' }), isCommunesOwn({ ...own, handed_over_at: '2026-12-08T01:00:00Z' }),
      isCommunesOwn({ ...own, status: 'handling', accepted_on: '2026-12-08' })]).toEqual([true, false, false, false]);
    const decided = (kind: 'crime' | 'denunciation' | 'other' | null, from: (typeof TIP_STATUSES)[number]) =>
      TIP_STATUSES.map((to) => decisionFor(kind, from, to, 'not_prosecute'));
    expect(decided(null, 'handling')).toEqual([null, null, null, 'suspend', 'not_prosecute', null, null, null]);
    expect(decided('crime', 'suspended')).toEqual([null, null, 'resume', 'suspend', 'not_prosecute', null, null, null]);
    expect(decisionFor('crime', 'handling', 'resolved')).toBeNull();
    expect(decided('denunciation', 'new')).toEqual([null, null, 'accept', null, 'concluded', null, 'not_accept', null]);
    expect(decided('other', 'new')).toEqual(TIP_STATUSES.map(() => null));
  });

  it('sets a term\'s columns together, and flags each term from its own moment', () => {
    const due = new Date('2026-12-20T17:00:00Z');
    expect(termPatch('standard', due)).toEqual({ legal_term: 'standard', legal_due_at: due, due_at: due, due_soon_at: new Date(due.getTime() - 5 * DAY) });
    const before = (term: (typeof LEGAL_TERMS)[number]) => (due.getTime() - dueSoonFrom(term, due)!.getTime()) / HOUR;
    expect(LEGAL_TERMS.map((term) => [term, before(term)])).toEqual([
      ['handover', 6], ['standard', 120], ['complex', 192], ['procuracy', 120], ['resumed', 120], ['acceptance', 48], ['acceptance_long', 48],
      ['denunciation', 120], ['denunciation_extended', 120], ['denunciation_extended_twice', 120], ['none', 120],
    ]);
    expect(dueSoonFrom('standard', null)).toBeNull();
    expect(urgencyOf(null, null, due)).toBe('closed');
    expect(urgencyOf(due, null, due)).toBe('on_time');
    expect(urgencyOf(due, due, due)).toBe('due_soon');
  });

  it('counts a denunciation\'s acceptance in working days, 7 or 10 from the day after its receipt', () => {
    expect(legalLastDay('acceptance', '2026-12-07')).toBe('2026-12-16');
    expect(legalLastDay('acceptance_long', '2026-12-07')).toBe('2026-12-21');
    expect(legalLastDay('denunciation_extended', '2026-11-02')).toBe('2026-12-02');
    expect(legalLastDay('denunciation_extended_twice', '2026-11-02')).toBe('2026-12-02');
    const t: TermState = { kind: 'denunciation', legal_term: 'acceptance', received_at: '2026-12-07T03:00:00Z', body_received_at: null, legal_due_at: dayEnd('2026-12-16'), accepted_on: null };
    const now = new Date('2026-12-08T03:00:00Z');
    expect(extensionsOf(t, now)).toEqual(['acceptance_long']);
    expect(extensionsOf({ ...t, legal_term: 'acceptance_long' }, now)).toEqual([]);
    expect(latestFor(t, 'acceptance_long')).toBe('2026-12-21');
    expect(extensionsOf({ ...t, kind: 'crime', legal_term: 'standard' }, now)).toEqual([]); // not handed over: no body's term
    expect(extensionsOf({ ...t, legal_due_at: null }, now)).toEqual([]);
  });
});
