import { render } from "@react-email/render";
import type { NotificationCategory } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { CATEGORY_LABELS } from "./categories";
import { absoluteUrl, APP_NAME, emailConfig, type EmailConfig } from "./config";
import type { EmailMessage, EmailRecipient, NotificationEmailContent } from "./message";
import { NotificationEmail, paragraphsOf, TYPE_LABELS } from "./templates/notification-email";
import { WeeklySummaryEmail, type SummaryGroup } from "./templates/weekly-summary-email";
import { signUnsubscribeToken } from "./unsubscribe-token";
import type { WeeklySummary } from "./weekly-summary";

export type RenderedEmail = Omit<EmailMessage, "idempotencyKey">;

export type Footer = { unsubscribeUrl: string; oneClickUrl: string; preferencesUrl: string; reason: string };

/** The footer links and the RFC 8058 one-click headers for one user and one category. */
export function unsubscribeFooter(userId: string, category: NotificationCategory, appUrl: string): Footer {
  const token = encodeURIComponent(signUnsubscribeToken({ userId, category }));
  return {
    unsubscribeUrl: `${appUrl}/unsubscribe?token=${token}`,
    oneClickUrl: `${appUrl}/api/v1/email/unsubscribe?token=${token}`,
    preferencesUrl: `${appUrl}/settings#email-preferences`,
    reason: `You get this email because ${CATEGORY_LABELS[category].label} emails are on in your ${APP_NAME} settings.`,
  };
}

export function listUnsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** A header line never carries a line break. */
const headerText = (value: string) => value.replace(/\s*[\r\n]+\s*/g, " ").trim();

function footerText(footer: Footer): string[] {
  return ["--", footer.reason, `Unsubscribe: ${footer.unsubscribeUrl}`, `Email preferences: ${footer.preferencesUrl}`];
}

/** What a notification email shows beyond its content: whom it greets and where its footer links lead. */
export type NotificationEmailParts = {
  recipientName: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  reason: string;
};

/** The content's button: an absolute http(s) link (else none) and its label. */
export function notificationAction(content: NotificationEmailContent, appUrl: string) {
  return {
    actionUrl: content.actionUrl ? absoluteUrl(content.actionUrl, appUrl) : null,
    actionLabel: content.actionLabel?.trim() || `Open in ${APP_NAME}`,
  };
}

/** The HTML of a notification email (React Email). */
export function notificationHtml(content: NotificationEmailContent, parts: NotificationEmailParts, appUrl: string): Promise<string> {
  return render(
    <NotificationEmail
      appName={APP_NAME}
      appUrl={appUrl}
      title={content.title}
      message={content.message}
      type={content.type}
      {...notificationAction(content, appUrl)}
      {...parts}
    />,
  );
}

/** The plain-text part of a notification email. */
export function notificationText(content: NotificationEmailContent, recipientName: string, footer: Footer, appUrl: string): string {
  const { actionUrl, actionLabel } = notificationAction(content, appUrl);
  return [
    APP_NAME,
    "",
    `${TYPE_LABELS[content.type]}: ${content.title}`,
    "",
    `Hi ${recipientName},`,
    "",
    ...paragraphsOf(content.message).flatMap((paragraph) => [paragraph, ""]),
    ...(actionUrl ? [`${actionLabel}: ${actionUrl}`, ""] : []),
    ...footerText(footer),
  ].join("\n");
}

export const notificationSubject = (content: NotificationEmailContent) => headerText(content.title);

/** One recipient's notification email, rendered on its own (see render-once.ts for many recipients of one content). */
export async function renderNotificationEmail(
  recipient: EmailRecipient,
  content: NotificationEmailContent,
  config: EmailConfig = emailConfig(),
): Promise<RenderedEmail> {
  const footer = unsubscribeFooter(recipient.id, content.category, config.appUrl);
  const { oneClickUrl, ...links } = footer;
  return {
    tenantId: recipient.tenantId,
    to: recipient.email,
    subject: notificationSubject(content),
    html: await notificationHtml(content, { recipientName: recipient.name, ...links }, config.appUrl),
    text: notificationText(content, recipient.name, footer, config.appUrl),
    headers: listUnsubscribeHeaders(oneClickUrl),
  };
}

/** The weekly summary is a SYSTEM email: its unsubscribe link turns SYSTEM emails off. */
export const WEEKLY_SUMMARY_CATEGORY: NotificationCategory = "SYSTEM";

export function summaryGroups(summary: WeeklySummary): SummaryGroup[] {
  const money = (value: string) => formatMoney(value, summary.currency);
  const count = (value: number) => value.toLocaleString("en-US");
  return [
    {
      title: "Last week",
      rows: [
        { label: "New opportunities", value: count(summary.newOpportunities) },
        { label: "Opportunities won", value: count(summary.opportunitiesWon) },
        { label: "Revenue won", value: money(summary.revenue) },
      ],
    },
    {
      title: "Your pipeline",
      rows: [
        { label: "Active opportunities", value: count(summary.activeOpportunities) },
        { label: "Weighted pipeline", value: money(summary.weightedPipeline) },
      ],
    },
    {
      title: "Needs attention",
      rows: [
        { label: "Quotes expiring soon", value: count(summary.expiringQuotes) },
        { label: "Overdue opportunities", value: count(summary.overdueOpportunities) },
        { label: "Vehicles due for maintenance", value: count(summary.pendingMaintenance) },
      ],
    },
  ];
}

export async function renderWeeklySummaryEmail(
  recipient: EmailRecipient,
  summary: WeeklySummary,
  config: EmailConfig = emailConfig(),
): Promise<RenderedEmail> {
  const footer = unsubscribeFooter(recipient.id, WEEKLY_SUMMARY_CATEGORY, config.appUrl);
  const { oneClickUrl, ...links } = footer;
  const groups = summaryGroups(summary);
  const pipelineUrl = `${config.appUrl}/pipeline`;
  const html = await render(
    <WeeklySummaryEmail
      appName={APP_NAME}
      appUrl={config.appUrl}
      recipientName={recipient.name}
      summary={summary}
      groups={groups}
      pipelineUrl={pipelineUrl}
      {...links}
    />,
  );
  const text = [
    APP_NAME,
    "",
    `Your weekly summary: ${formatDay(summary.periodStart)} to ${formatDay(summary.periodEnd)}`,
    "",
    `Hi ${recipient.name}, here is how last week went.`,
    "",
    ...groups.flatMap((group) => [group.title, ...group.rows.map((row) => `  ${row.label}: ${row.value}`), ""]),
    `Open the pipeline: ${pipelineUrl}`,
    "",
    ...footerText(footer),
  ].join("\n");
  return {
    tenantId: recipient.tenantId,
    to: recipient.email,
    subject: `Your weekly summary: ${formatDay(summary.periodStart)} to ${formatDay(summary.periodEnd)}`,
    html,
    text,
    headers: listUnsubscribeHeaders(oneClickUrl),
  };
}
