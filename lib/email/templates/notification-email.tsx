import { Button, Heading, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { EmailLayout, type LayoutProps } from "./layout";
import { actionsStyle, buttonStyle, headingStyle, paragraphStyle } from "./styles";

export type NotificationEmailProps = Omit<LayoutProps, "children" | "preview"> & {
  recipientName: string;
  title: string;
  message: string;
  type: NotificationType;
  /** Absolute; no button without it. */
  actionUrl: string | null;
  actionLabel: string;
};

export const TYPE_LABELS: Record<NotificationType, string> = {
  INFO: "Info",
  WARNING: "Warning",
  SUCCESS: "Success",
  ERROR: "Action needed",
};

const TYPE_COLORS: Record<NotificationType, { fg: string; bg: string }> = {
  INFO: { fg: "#1e40af", bg: "#dbeafe" },
  WARNING: { fg: "#92400e", bg: "#fef3c7" },
  SUCCESS: { fg: "#166534", bg: "#dcfce7" },
  ERROR: { fg: "#991b1b", bg: "#fee2e2" },
};

/** One notification as an email; every string is rendered as text by React, so user input is escaped. */
export function NotificationEmail({ recipientName, title, message, type, actionUrl, actionLabel, ...layout }: NotificationEmailProps) {
  const color = TYPE_COLORS[type];
  return (
    <EmailLayout {...layout} preview={title}>
      <Text style={{ ...badge, color: color.fg, backgroundColor: color.bg }}>{TYPE_LABELS[type]}</Text>
      <Heading as="h1" style={headingStyle}>
        {title}
      </Heading>
      <Text style={paragraph}>{`Hi ${recipientName},`}</Text>
      {paragraphsOf(message).map((text, index) => (
        <Text key={index} style={paragraph}>
          {text}
        </Text>
      ))}
      {actionUrl ? (
        <Section style={actionsStyle}>
          <Button href={actionUrl} style={buttonStyle}>
            {actionLabel}
          </Button>
        </Section>
      ) : null}
    </EmailLayout>
  );
}

/** Blank lines separate paragraphs; single line breaks stay inside one. */
export function paragraphsOf(message: string): string[] {
  return message
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const badge: CSSProperties = {
  display: "inline-block",
  margin: "0 0 12px",
  padding: "2px 10px",
  borderRadius: "999px",
  fontSize: "12px",
  fontWeight: 600,
  lineHeight: "20px",
};
const paragraph: CSSProperties = { ...paragraphStyle, whiteSpace: "pre-line" };
