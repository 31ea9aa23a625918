import { RecordNotFound } from "@/components/ui/record-not-found";

export default function ClientNotFound() {
  return <RecordNotFound noun="Client" listHref="/clients" listLabel="Back to clients" />;
}
