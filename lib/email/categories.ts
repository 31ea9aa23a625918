import { NotificationCategory } from "@/lib/generated/prisma/enums";

export const EMAIL_CATEGORIES = Object.values(NotificationCategory);

/** How each notification category is named to users (settings, email footers, the unsubscribe page). */
export const CATEGORY_LABELS: Record<NotificationCategory, { label: string; description: string }> = {
  SYSTEM: { label: "System", description: "Account notices and your weekly summary" },
  QUOTE: { label: "Quotes", description: "Quotes about to expire or expired" },
  OPPORTUNITY: { label: "Opportunities", description: "Deals assigned to you, closed or overdue" },
  MAINTENANCE: { label: "Maintenance", description: "Vehicles due for maintenance" },
  PAYMENT: { label: "Payments", description: "Payment reminders and confirmations" },
  CLIENT: { label: "Clients", description: "News about your clients" },
  GENERAL: { label: "General", description: "Announcements from your managers" },
};
