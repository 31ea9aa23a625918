/** The OnQuota Inngest client (defined in lib/jobs, where the jobs that send events use it). */
export { inngest, isInngestConfigured } from "@/lib/jobs";
