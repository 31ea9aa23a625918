import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

export type LayoutProps = {
  appName: string;
  appUrl: string;
  preview: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  /** Why the recipient gets this email. */
  reason: string;
  children: ReactNode;
};

/** The frame of every OnQuota email: branded header, a 600 px column that narrows on phones, the footer. */
export function EmailLayout({ appName, appUrl, preview, unsubscribeUrl, preferencesUrl, reason, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light" />
        <style>{"@media only screen and (max-width: 620px) { .content { padding: 20px 16px !important; } }"}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section style={header}>
            <Link href={appUrl} style={brand}>
              {appName}
            </Link>
          </Section>
          <Section className="content" style={content}>
            {children}
          </Section>
          <Hr style={rule} />
          <Section style={footer}>
            <Text style={footerText}>{reason}</Text>
            <Text style={footerText}>
              <Link href={unsubscribeUrl} style={footerLink}>
                Unsubscribe
              </Link>
              {" · "}
              <Link href={preferencesUrl} style={footerLink}>
                Email preferences
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

const body: CSSProperties = {
  margin: 0,
  padding: "24px 8px",
  backgroundColor: "#f1f5f9",
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  color: "#0f172a",
};
const container: CSSProperties = { width: "100%", maxWidth: "600px", backgroundColor: "#ffffff", borderRadius: "8px", overflow: "hidden" };
const header: CSSProperties = { backgroundColor: "#1d42c4", padding: "18px 32px" };
const brand: CSSProperties = { color: "#ffffff", fontSize: "20px", fontWeight: 700, textDecoration: "none", letterSpacing: "-0.01em" };
const content: CSSProperties = { padding: "28px 32px" };
const rule: CSSProperties = { borderColor: "#e2e8f0", margin: 0 };
const footer: CSSProperties = { padding: "16px 32px 24px" };
const footerText: CSSProperties = { fontSize: "12px", lineHeight: "18px", color: "#64748b", margin: "4px 0" };
const footerLink: CSSProperties = { color: "#475569", textDecorationLine: "underline" };
