/**
 * How an alarm reaches people. Each channel delivers the notifications of one alarm; the in-app
 * channel writes them inside the alarm's own transaction, so an acknowledged alarm always has
 * its recipients. An SMS, e-mail or Zalo adapter implements the same interface (delivering after
 * the commit, from the notifications written here).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import * as q from './queries.ts';

export interface Notification {
  alarmId: number;
  userId: number;
  provinceCode: string;
}

export interface NotificationChannel {
  readonly name: string;
  deliver(trx: Transaction<DB>, notifications: Notification[]): Promise<void>;
}

/** The recipient's list of unacknowledged alarms, and the live push to their open pages. */
export const inAppChannel: NotificationChannel = {
  name: 'in_app',
  async deliver(trx, notifications) {
    await q.insertNotifications(trx, notifications.map((n) => ({ alarm_id: n.alarmId, user_id: n.userId, province_code: n.provinceCode, channel: 'in_app' })));
  },
};

export const CHANNELS: NotificationChannel[] = [inAppChannel];
