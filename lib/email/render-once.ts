import { randomBytes } from "node:crypto";
import { logger } from "@/lib/log";
import { emailConfig, type EmailConfig } from "./config";
import type { EmailRecipient, NotificationEmailContent } from "./message";
import {
  listUnsubscribeHeaders,
  notificationHtml,
  notificationSubject,
  notificationText,
  unsubscribeFooter,
  type RenderedEmail,
} from "./render";

export type EmailToRender = { recipient: EmailRecipient; content: NotificationEmailContent };

/** What makes two notification emails the same but for their recipient. */
export function contentKey(content: NotificationEmailContent): string {
  return JSON.stringify([
    content.title,
    content.message,
    content.type,
    content.category,
    content.actionUrl ?? null,
    content.actionLabel ?? null,
  ]);
}

/** The same characters React escapes in text and attribute values, escaped the same way. */
const HTML_ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
export const escapeHtml = (value: string) => value.replace(/["&'<>]/g, (char) => HTML_ESCAPES[char]!);

/**
 * A notification email rendered once with a marker in place of each recipient's part; `fill` puts one recipient's
 * parts in, HTML-escaped, in a single pass (so a name cannot smuggle in a marker).
 */
async function renderTemplate(content: NotificationEmailContent, config: EmailConfig) {
  const nonce = randomBytes(12).toString("hex");
  const markers = { name: `oqname${nonce}`, unsubscribe: `oqunsubscribe${nonce}` };
  const { reason, preferencesUrl } = unsubscribeFooter(nonce, content.category, config.appUrl);
  const html = await notificationHtml(
    content,
    { recipientName: markers.name, unsubscribeUrl: markers.unsubscribe, preferencesUrl, reason },
    config.appUrl,
  );
  const pattern = new RegExp(`${markers.name}|${markers.unsubscribe}`, "g");
  return (recipient: EmailRecipient): RenderedEmail => {
    const footer = unsubscribeFooter(recipient.id, content.category, config.appUrl);
    const values = { [markers.name]: escapeHtml(recipient.name), [markers.unsubscribe]: escapeHtml(footer.unsubscribeUrl) };
    return {
      tenantId: recipient.tenantId,
      to: recipient.email,
      subject: notificationSubject(content),
      html: html.replace(pattern, (marker) => values[marker]!),
      text: notificationText(content, recipient.name, footer, config.appUrl),
      headers: listUnsubscribeHeaders(footer.oneClickUrl),
    };
  };
}

/**
 * Renders many notification emails, the React template once per distinct content (one announcement to 5,000 users
 * renders once). Each result is the email, or null when its content could not be rendered.
 */
export async function renderNotificationEmails(
  emails: readonly EmailToRender[],
  config: EmailConfig = emailConfig(),
): Promise<Array<RenderedEmail | null>> {
  const templates = new Map<string, Promise<((recipient: EmailRecipient) => RenderedEmail) | null>>();
  const templateOf = (content: NotificationEmailContent) => {
    const key = contentKey(content);
    let template = templates.get(key);
    if (!template) {
      template = renderTemplate(content, config).catch((error: unknown) => {
        logger.error({ err: error }, "email: could not render a notification email");
        return null;
      });
      templates.set(key, template);
    }
    return template;
  };
  return Promise.all(emails.map(async ({ recipient, content }) => (await templateOf(content))?.(recipient) ?? null));
}
