import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";

/** Colours and icon per notification type; shared by the bell and the notification center. */
export const typeStyle: Record<NotificationType, { label: string; icon: string; ring: string }> = {
  INFO: { label: "Info", icon: "bg-brand-50 text-brand-700", ring: "border-l-brand-500" },
  SUCCESS: { label: "Success", icon: "bg-emerald-50 text-emerald-700", ring: "border-l-emerald-500" },
  WARNING: { label: "Warning", icon: "bg-amber-50 text-amber-700", ring: "border-l-amber-500" },
  ERROR: { label: "Error", icon: "bg-red-50 text-red-700", ring: "border-l-red-500" },
};

export const categoryLabel: Record<NotificationCategory, string> = {
  SYSTEM: "System",
  QUOTE: "Quote",
  OPPORTUNITY: "Opportunity",
  MAINTENANCE: "Maintenance",
  PAYMENT: "Payment",
  CLIENT: "Client",
  GENERAL: "General",
};

const paths: Record<NotificationType, string[]> = {
  INFO: ["M12 16v-4", "M12 8h.01"],
  SUCCESS: ["m8.5 12.5 2.5 2.5 4.5-5"],
  WARNING: ["M12 9v4", "M12 17h.01"],
  ERROR: ["m15 9-6 6", "m9 9 6 6"],
};

export function TypeIcon({ type, className = "" }: { type: NotificationType; className?: string }) {
  const style = typeStyle[type];
  return (
    <span
      className={`inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full ${style.icon} ${className}`}
      title={style.label}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {type === "WARNING" ? (
          <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
        ) : (
          <circle cx="12" cy="12" r="9" />
        )}
        {paths[type].map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
      <span className="sr-only">{style.label}</span>
    </span>
  );
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date. */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`;
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}
