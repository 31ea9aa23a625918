import type { CSSProperties } from "react";

/** Styles shared by the templates (inline: most email clients ignore style sheets). */
export const headingStyle: CSSProperties = { margin: "0 0 16px", fontSize: "22px", lineHeight: "30px", fontWeight: 700 };
export const paragraphStyle: CSSProperties = { margin: "0 0 14px", fontSize: "15px", lineHeight: "24px" };
export const actionsStyle: CSSProperties = { margin: "24px 0 8px" };
export const buttonStyle: CSSProperties = {
  backgroundColor: "#2553e6",
  color: "#ffffff",
  borderRadius: "6px",
  padding: "12px 22px",
  fontSize: "15px",
  fontWeight: 600,
  textDecoration: "none",
};
