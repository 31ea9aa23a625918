import { Heading, Link, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { EmailLayout, type LayoutProps } from "./layout";
import { headingStyle, paragraphStyle } from "./styles";

export type DigestItem = { title: string; message: string; time: string; url: string | null };

export type DigestGroup = { label: string; items: DigestItem[]; unsubscribeUrl: string };

export type DigestEmailProps = Omit<LayoutProps, "children" | "preview"> & {
  recipientName: string;
  heading: string;
  groups: DigestGroup[];
};

/** A day's notifications in one email, one section per category, newest first; every string is escaped by React. */
export function DigestEmail({ recipientName, heading, groups, ...layout }: DigestEmailProps) {
  return (
    <EmailLayout {...layout} preview={heading}>
      <Heading as="h1" style={headingStyle}>
        {heading}
      </Heading>
      <Text style={paragraphStyle}>{`Hi ${recipientName}, here is what happened since your last digest.`}</Text>
      {groups.map((group) => (
        <Section key={group.label} style={groupStyle}>
          <Heading as="h2" style={groupHeading}>
            {`${group.label} (${group.items.length})`}
          </Heading>
          {group.items.map((item, index) => (
            <Section key={index} style={itemStyle}>
              <Text style={itemTitle}>
                {item.url ? (
                  <Link href={item.url} style={itemLink}>
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}
              </Text>
              <Text style={itemMessage}>{item.message}</Text>
              <Text style={itemTime}>{item.time}</Text>
            </Section>
          ))}
          <Text style={itemTime}>
            <Link href={group.unsubscribeUrl} style={quietLink}>
              {`Stop emails about ${group.label.toLowerCase()}`}
            </Link>
          </Text>
        </Section>
      ))}
    </EmailLayout>
  );
}

const groupStyle: CSSProperties = { margin: "8px 0 20px" };
const groupHeading: CSSProperties = { margin: "0 0 8px", fontSize: "17px", lineHeight: "24px", fontWeight: 700 };
const itemStyle: CSSProperties = { borderLeft: "3px solid #cbd5e1", padding: "2px 0 2px 12px", margin: "0 0 12px" };
const itemTitle: CSSProperties = { margin: "0", fontSize: "15px", lineHeight: "22px", fontWeight: 600 };
const itemLink: CSSProperties = { color: "#2553e6", textDecoration: "underline" };
const itemMessage: CSSProperties = { margin: "2px 0 0", fontSize: "14px", lineHeight: "21px", color: "#334155" };
const itemTime: CSSProperties = { margin: "2px 0 0", fontSize: "12px", lineHeight: "18px", color: "#64748b" };
const quietLink: CSSProperties = { color: "#64748b", textDecoration: "underline" };
