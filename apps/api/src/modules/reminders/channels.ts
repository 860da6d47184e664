import nodemailer from 'nodemailer';

/** One reminder as it goes out: to a unit, about a thing with a due date. */
export interface ReminderMessage {
  kind: string;
  subject: string;
  text: string;
  day: string;
  dueDate: string;
  unit: { id: number; name: string };
  task: { id: number; code: string; title: string } | null;
  /** The unit's active users with an e-mail address. */
  emails: string[];
}

/** A way out of the app (e-mail, a government IM bot's webhook, …): answers what happened, in words, or throws. */
export interface ReminderChannel {
  name: string;
  send(message: ReminderMessage): Promise<string>;
}

/** E-mail over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.gov.cn:587), from SMTP_FROM. */
export function emailChannel(smtpUrl: string, from: string): ReminderChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'email',
    async send(message) {
      if (message.emails.length === 0) return '邮件：该单位无人登记邮箱，未发送';
      await transport.sendMail({ from, to: message.emails, subject: message.subject, text: message.text });
      return `邮件：已发送 ${message.emails.length} 人`;
    },
  };
}

/** A generic JSON webhook (REMINDER_WEBHOOK_URL): one POST per reminder, answered within 10 seconds. */
export function webhookChannel(url: string): ReminderChannel {
  return {
    name: 'webhook',
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          kind: message.kind,
          subject: message.subject,
          text: message.text,
          day: message.day,
          dueDate: message.dueDate,
          unit: message.unit,
          task: message.task,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return `Webhook：${response.status}`;
    },
  };
}

/** The channels the environment configures (none: reminders stay in the app). */
export function channelsFromEnv(env: { SMTP_URL?: string | undefined; SMTP_FROM?: string | undefined; REMINDER_WEBHOOK_URL?: string | undefined }): ReminderChannel[] {
  const channels: ReminderChannel[] = [];
  if (env.SMTP_URL) channels.push(emailChannel(env.SMTP_URL, env.SMTP_FROM ?? 'reform-office@localhost'));
  if (env.REMINDER_WEBHOOK_URL) channels.push(webhookChannel(env.REMINDER_WEBHOOK_URL));
  return channels;
}
