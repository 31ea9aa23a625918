import { RecordNotFound } from "@/components/ui/record-not-found";

export default function VehicleNotFound() {
  return <RecordNotFound noun="Vehicle" listHref="/vehicles" listLabel="Back to vehicles" />;
}
