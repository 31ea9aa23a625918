import { describe, expect, it } from "vitest";
import { vehicleLink } from "./check-pending-maintenance";

const van = {
  id: "7c1e9a52-3d4b-4f6a-8b9c-0d1e2f3a4b5c",
  name: "Delivery Van",
  plate_number: "VAN-001",
  due_date: "2026-02-27",
  days_overdue: 3,
};

describe("the maintenance digest's link", () => {
  it("opens the vehicle when it is the only one", () => {
    expect(vehicleLink({ due: 1, vehicles: [van] })).toEqual({
      actionUrl: `/vehicles/${van.id}`,
      actionLabel: "View vehicle",
      relatedEntityType: "vehicle",
      relatedEntityId: van.id,
    });
  });

  it("opens the most urgent vehicle, named on the button, when there are several", () => {
    expect(vehicleLink({ due: 3, vehicles: [van] })).toMatchObject({ actionUrl: `/vehicles/${van.id}`, actionLabel: "View Delivery Van" });
  });
});
