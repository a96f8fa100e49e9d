/** Calendar days as 'YYYY-MM-DD' strings, in Vietnam's time zone where "today" matters. */

const vnDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

export const todayVN = (now = new Date()) => vnDay.format(now);

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

/** Whether a 'YYYY-MM-DD' string names a real day (not 2024-02-30). */
export const isRealDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(date + 'T00:00:00Z').toISOString().slice(0, 10) === date;
