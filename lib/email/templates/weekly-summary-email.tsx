import { formatDay } from "@/lib/clock";
import { Button, Heading, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import type { WeeklySummary } from "../weekly-summary";
import { EmailLayout, type LayoutProps } from "./layout";
import { actionsStyle, buttonStyle, headingStyle, paragraphStyle } from "./styles";

export type SummaryRow = { label: string; value: string };
export type SummaryGroup = { title: string; rows: SummaryRow[] };

export type WeeklySummaryEmailProps = Omit<LayoutProps, "children" | "preview"> & {
  recipientName: string;
  summary: WeeklySummary;
  groups: SummaryGroup[];
  pipelineUrl: string;
};

export function WeeklySummaryEmail({ recipientName, summary, groups, pipelineUrl, ...layout }: WeeklySummaryEmailProps) {
  return (
    <EmailLayout
      {...layout}
      preview={`Your week in ${layout.appName}: ${formatDay(summary.periodStart)} to ${formatDay(summary.periodEnd)}`}
    >
      <Heading as="h1" style={heading}>
        Your weekly summary
      </Heading>
      <Text style={muted}>{`${formatDay(summary.periodStart)} to ${formatDay(summary.periodEnd)}`}</Text>
      <Text style={paragraph}>{`Hi ${recipientName}, here is how last week went.`}</Text>
      {groups.map((group) => (
        <Section key={group.title} style={groupStyle}>
          <Heading as="h2" style={groupTitle}>
            {group.title}
          </Heading>
          <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={table}>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.label}>
                  <td style={labelCell}>{row.label}</td>
                  <td style={valueCell}>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ))}
      <Section style={actionsStyle}>
        <Button href={pipelineUrl} style={buttonStyle}>
          Open the pipeline
        </Button>
      </Section>
    </EmailLayout>
  );
}

const heading: CSSProperties = { ...headingStyle, margin: "0 0 4px" };
const muted: CSSProperties = { margin: "0 0 16px", fontSize: "13px", color: "#64748b" };
const paragraph: CSSProperties = { ...paragraphStyle, margin: "0 0 20px" };
const groupStyle: CSSProperties = { margin: "0 0 20px" };
const groupTitle: CSSProperties = {
  margin: "0 0 8px",
  fontSize: "13px",
  fontWeight: 700,
  textTransform: "uppercase",
  letterSpacing: "0.04em",
  color: "#475569",
};
const table: CSSProperties = { borderCollapse: "collapse" };
const labelCell: CSSProperties = { padding: "8px 0", borderBottom: "1px solid #e2e8f0", fontSize: "15px" };
const valueCell: CSSProperties = {
  padding: "8px 0",
  borderBottom: "1px solid #e2e8f0",
  fontSize: "15px",
  fontWeight: 600,
  textAlign: "right",
};
