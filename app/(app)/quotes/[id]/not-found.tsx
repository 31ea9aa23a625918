import { RecordNotFound } from "@/components/ui/record-not-found";

export default function QuoteNotFound() {
  return <RecordNotFound noun="Quote" listHref="/quotes" listLabel="Back to quotes" />;
}
