import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { describe, MAX_OCCURRENCES, occurrences, type Recurrence } from './recurrence.ts';

const dates = (r: Recurrence, from: string, to: string) => occurrences(r, from, to).map((o) => o.due);

group('recurrence', () => {
  it('the nightly gong at 22:00 falls every day of the range', () => {
    const o = occurrences({ freq: 'daily', time: '22:00' }, '2024-02-27', '2024-03-02');
    expect(o).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'].map((due) => ({ due, time: '22:00' })));
  });

  it('weekly patrols fall on the weekday named (1 = Monday)', () => {
    expect(dates({ freq: 'weekly', weekday: 6 }, '2024-04-01', '2024-04-30')).toEqual(['2024-04-06', '2024-04-13', '2024-04-20', '2024-04-27']);
  });

  it('monthly on day 31 falls on the last day of shorter months', () => {
    expect(dates({ freq: 'monthly', day: 31 }, '2024-01-01', '2024-04-30')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('quarterly lock surveys in the last month of each quarter', () => {
    expect(dates({ freq: 'quarterly', month: 3, day: 25 }, '2024-01-01', '2024-12-31')).toEqual(['2024-03-25', '2024-06-25', '2024-09-25', '2024-12-25']);
  });

  it('six-monthly reviews and yearly reports due on 10/6 and 10/11', () => {
    expect(dates({ freq: 'semiannual', month: 6, day: 30 }, '2024-01-01', '2025-01-01')).toEqual(['2024-06-30', '2024-12-30']);
    expect(dates({ freq: 'yearly', dates: [{ day: 10, month: 6 }, { day: 10, month: 11 }] }, '2024-07-01', '2025-12-31'))
      .toEqual(['2024-11-10', '2025-06-10', '2025-11-10']);
  });

  it('a deadline ("before 30/11/2021") is one occurrence', () => {
    expect(dates({ freq: 'once', due: '2021-11-30' }, '2021-01-01', '2021-12-31')).toEqual(['2021-11-30']);
  });

  it('reads naturally in Vietnamese', () => {
    expect(describe({ freq: 'daily', time: '22:00' })).toBe('hằng ngày lúc 22:00');
    expect(describe({ freq: 'weekly', weekday: 7 })).toBe('hằng tuần vào Chủ nhật');
    expect(describe({ freq: 'yearly', dates: [{ day: 10, month: 6 }, { day: 10, month: 11 }] })).toBe('hằng năm vào ngày 10/6 và 10/11');
    expect(describe({ freq: 'once', due: '2021-11-30' })).toBe('trước ngày 30/11/2021');
  });

  it('every occurrence lies in the range, in order, without repeats, and matches its rule', () => {
    const day = fc.integer({ min: 1, max: 31 });
    const rule = fc.oneof(
      fc.constant<Recurrence>({ freq: 'daily' }),
      fc.integer({ min: 1, max: 7 }).map((weekday): Recurrence => ({ freq: 'weekly', weekday })),
      day.map((d): Recurrence => ({ freq: 'monthly', day: d })),
      fc.tuple(fc.integer({ min: 1, max: 3 }), day).map(([month, d]): Recurrence => ({ freq: 'quarterly', month, day: d })),
      fc.tuple(fc.integer({ min: 1, max: 6 }), day).map(([month, d]): Recurrence => ({ freq: 'semiannual', month, day: d })),
      fc.array(fc.record({ day, month: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 4 }).map((ds): Recurrence => ({ freq: 'yearly', dates: ds })),
    );
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(rule, date, fc.integer({ min: 0, max: 800 }), (r, from, span) => {
        const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
        const got = dates(r, from, to);
        expect(got).toEqual([...new Set(got)].sort());
        for (const d of got) {
          expect(d >= from && d <= to).toBe(true);
          if (r.freq === 'weekly') expect(((new Date(d).getUTCDay() + 6) % 7) + 1).toBe(r.weekday);
          if (r.freq === 'monthly') {
            const last = new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).getUTCDate();
            expect(+d.slice(8)).toBe(Math.min(r.day, last));
          }
        }
        if (r.freq === 'daily') expect(got.length).toBe(span + 1);
        if (r.freq === 'monthly' && span >= 62) expect(got.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});

group('recurrence, checked day by day', () => {
  /** Whether the rule falls due on the day, decided from the day's own calendar fields. */
  function fallsOn(r: Recurrence, d: string): boolean {
    const [y, m, dom] = d.split('-').map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const onDay = (day: number) => dom === Math.min(day, last);
    switch (r.freq) {
      case 'once': return d === r.due;
      case 'daily': return true;
      case 'weekly': return ((new Date(d).getUTCDay() + 6) % 7) + 1 === r.weekday;
      case 'monthly': return onDay(r.day);
      case 'quarterly': return (m - 1) % 3 === r.month - 1 && onDay(r.day);
      case 'semiannual': return (m - 1) % 6 === r.month - 1 && onDay(r.day);
      case 'yearly': return r.dates.some((x) => x.month === m && onDay(x.day));
    }
  }
  const daysOf = (from: string, to: string) => {
    const out = [];
    for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };

  it('falls on every day of the range its rule names, the first and the last included, and on no other', () => {
    const day = fc.integer({ min: 1, max: 31 });
    const time = fc.option(fc.constantFrom('22:00', '07:30'), { nil: undefined });
    const rule = fc.oneof(
      time.map((t): Recurrence => ({ freq: 'daily', time: t })),
      fc.tuple(fc.integer({ min: 1, max: 7 }), time).map(([weekday, t]): Recurrence => ({ freq: 'weekly', weekday, time: t })),
      fc.tuple(day, time).map(([d, t]): Recurrence => ({ freq: 'monthly', day: d, time: t })),
      fc.tuple(fc.integer({ min: 1, max: 3 }), day).map(([month, d]): Recurrence => ({ freq: 'quarterly', month, day: d })),
      fc.tuple(fc.integer({ min: 1, max: 6 }), day).map(([month, d]): Recurrence => ({ freq: 'semiannual', month, day: d })),
      fc.array(fc.record({ day, month: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 4 }).map((ds): Recurrence => ({ freq: 'yearly', dates: ds })),
    );
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(rule, date, fc.integer({ min: 0, max: 500 }), (r, from, span) => {
        const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
        const t = 'time' in r && r.time ? r.time : null;
        expect(occurrences(r, from, to)).toEqual(daysOf(from, to).filter((d) => fallsOn(r, d)).map((due) => ({ due, time: t })));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a weekly task\'s occurrence on the range\'s first and last day', () => {
    // 2024-04-01 is a Monday, 2024-04-29 too.
    expect(dates({ freq: 'weekly', weekday: 1 }, '2024-04-01', '2024-04-29')).toEqual(['2024-04-01', '2024-04-08', '2024-04-15', '2024-04-22', '2024-04-29']);
    expect(dates({ freq: 'weekly', weekday: 7, time: '08:00' }, '2024-04-07', '2024-04-07')).toEqual(['2024-04-07']);
    expect(occurrences({ freq: 'weekly', weekday: 7, time: '08:00' }, '2024-04-07', '2024-04-07')).toEqual([{ due: '2024-04-07', time: '08:00' }]);
  });

  it('keeps a one-off task\'s date and time whatever the range', () => {
    expect(occurrences({ freq: 'once', due: '2021-11-30', time: '17:00' }, '2022-01-01', '2022-12-31')).toEqual([{ due: '2021-11-30', time: '17:00' }]);
  });

  it('describes every rule in Vietnamese', () => {
    expect(describe({ freq: 'once', due: '2021-11-30', time: '17:00' })).toBe('trước ngày 30/11/2021 lúc 17:00');
    expect(describe({ freq: 'daily' })).toBe('hằng ngày');
    expect(describe({ freq: 'daily', time: undefined })).toBe('hằng ngày');
    expect([1, 2, 3, 4, 5, 6].map((weekday) => describe({ freq: 'weekly', weekday, time: '21:00' }))).toEqual(
      ['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'].map((d) => `hằng tuần vào thứ ${d} lúc 21:00`));
    expect(describe({ freq: 'monthly', day: 25, time: '08:00' })).toBe('hằng tháng vào ngày 25 lúc 08:00');
    expect(describe({ freq: 'quarterly', month: 3, day: 25 })).toBe('hằng quý vào ngày 25 tháng thứ 3 của quý');
    expect(describe({ freq: 'semiannual', month: 6, day: 30 })).toBe('6 tháng một lần vào ngày 30/6 và 30/12');
    expect(describe({ freq: 'yearly', dates: [{ day: 10, month: 6 }] })).toBe('hằng năm vào ngày 10/6');
  });
});

group('recurrence bounded by count', () => {
  const rule = fc.oneof(
    fc.constant<Recurrence>({ freq: 'daily' }),
    fc.integer({ min: 1, max: 7 }).map((weekday): Recurrence => ({ freq: 'weekly', weekday })),
    fc.integer({ min: 1, max: 31 }).map((day): Recurrence => ({ freq: 'monthly', day })),
    fc.array(fc.record({ day: fc.integer({ min: 1, max: 31 }), month: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 12 })
      .map((ds): Recurrence => ({ freq: 'yearly', dates: ds })),
  );
  const dayIn = (min: string, max: string) =>
    fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('stops at one past its cap for any two days the API accepts (2000 to 2100)', () => {
    fc.assert(
      fc.property(rule, dayIn('2000-01-01', '2100-12-31'), dayIn('2000-01-01', '2100-12-31'), (r, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(occurrences(r, from, to).length).toBeLessThanOrEqual(MAX_OCCURRENCES + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('gives exactly one past its cap for a rule that runs over it, so the caller can tell and refuse', () => {
    expect(occurrences({ freq: 'daily' }, '2000-01-01', '2100-12-31').length).toBe(MAX_OCCURRENCES + 1);
    expect(occurrences({ freq: 'weekly', weekday: 1 }, '2000-01-01', '2100-12-31').length).toBe(MAX_OCCURRENCES + 1);
  });

  it('ends even where the date arithmetic cannot (a week after 9999-12-25 sorts before it)', () => {
    expect(occurrences({ freq: 'weekly', weekday: 1 }, '9999-12-25', '9999-12-31').length).toBeLessThanOrEqual(MAX_OCCURRENCES + 1);
    expect(occurrences({ freq: 'daily' }, '9999-12-25', '9999-12-31').length).toBeLessThanOrEqual(MAX_OCCURRENCES + 1);
    fc.assert(
      fc.property(rule, dayIn('0001-01-01', '9999-12-31'), dayIn('0001-01-01', '9999-12-31'), (r, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(occurrences(r, from, to).length).toBeLessThanOrEqual(MAX_OCCURRENCES + 1);
      }),
      { numRuns: 100 },
    );
  });
});

group('dates typed by people', () => {
  it('isRealDate answers for any text without throwing', async () => {
    const { isRealDate } = await import('../shared/dates.ts');
    expect(['2024-02-29', '2023-02-29', '2024-13-01', '2024-00-10', '99999-01-01', '2024-1-1', ''].map(isRealDate))
      .toEqual([true, false, false, false, false, false, false]);
    fc.assert(fc.property(fc.string(), (s) => typeof isRealDate(s) === 'boolean'));
  });
});
