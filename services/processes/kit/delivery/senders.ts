import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { NotificationChannel } from './channel.js';

// How one message leaves the hub: by SMTP through the Federation's server, or as a DingTalk
// custom robot's text message. Each throws with a reason a person can read when it fails.

const TIMEOUT_MS = 15_000;

export async function sendEmail(channel: NotificationChannel, to: string, text: string): Promise<void> {
  const transport = createTransport({
    host: channel.smtpHost!,
    port: channel.smtpPort ?? (channel.smtpSecure ? 465 : 587),
    secure: channel.smtpSecure,
    auth: channel.smtpUser ? { user: channel.smtpUser, pass: channel.smtpPassword ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: channel.senderName ? { name: channel.senderName, address: channel.senderAddress! } : channel.senderAddress!,
      to,
      subject: `工商联数据平台通知：${text.length > 40 ? `${text.slice(0, 40)}…` : text}`,
      text: `${text}\n\n请登录工商联数据平台控制台查看并办理。`,
    });
  } finally {
    transport.close();
  }
}

/**
 * The webhook with DingTalk's signature when the robot has a secret: `timestamp` (ms) and
 * `sign` = base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")), URL-encoded.
 */
export function signedWebhook(webhook: string, secret: string | null | undefined, now = Date.now()): string {
  if (!secret) return webhook;
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const url = new URL(webhook);
  url.searchParams.set('timestamp', String(now));
  url.searchParams.set('sign', sign);
  return url.toString();
}

export async function sendDingTalk(channel: NotificationChannel, text: string): Promise<void> {
  const response = await fetch(signedWebhook(channel.dingTalkWebhook!, channel.dingTalkSecret), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`钉钉机器人返回 HTTP ${response.status}：${body.slice(0, 200)}`);
  // DingTalk answers 200 with {errcode, errmsg}; a non-zero errcode is a refusal (bad sign, keyword…).
  let answer: { errcode?: number; errmsg?: string } = {};
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    // a receiver that answers 200 without JSON accepted the message
  }
  if (answer.errcode) throw new Error(`钉钉机器人拒收（errcode ${answer.errcode}）：${answer.errmsg ?? ''}`);
}
