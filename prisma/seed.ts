/**
 * Demo data: the "Acme Demo" tenant (admin, supervisor, two reps) with clients, quotes, vehicles, ~40
 * opportunities across every stage with their history, and notifications; plus "Globex" to show isolation.
 * Run with `npm run db:seed`; it does nothing when the demo tenant already exists.
 */
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth";
import { addDays, utcDate } from "@/lib/clock";
import { toBase } from "@/lib/currency";
import type { Client, User } from "@/lib/generated/prisma/client";
import type { OpportunityStage, QuoteStatus, UserRole } from "@/lib/generated/prisma/enums";
import { DEMO_PASSWORD, DEMO_USERS, OTHER_TENANT_USERS } from "./demo-accounts";

const STAGE_PROBABILITY: Record<OpportunityStage, string> = {
  LEAD: "10",
  QUALIFIED: "25",
  PROPOSAL: "50",
  NEGOTIATION: "75",
  CLOSED_WON: "100",
  CLOSED_LOST: "0",
};

/** Acme's list of why deals are lost; the demo's lost deals name one each. */
const LOSS_REASONS = ["Competitor had better pricing", "No budget", "Went silent", "Chose to build in-house"] as const;

/** Acme's rates to its base currency (USD), and which demo deals are priced in euros or pounds. */
const RATES: Record<string, string> = { USD: "1", EUR: "1.08500000", GBP: "1.27000000" };
const FOREIGN_DEALS: Record<string, string> = {
  "Fleet Telematics Pilot": "EUR",
  "Field Service App": "EUR",
  "IoT Sensors Batch": "GBP",
  "HR Suite Upgrade": "GBP",
};

const DEALS: [string, OpportunityStage, string][] = [
  ["Enterprise Software License", "PROPOSAL", "50000.00"],
  ["CRM Rollout Phase 1", "LEAD", "12000.00"],
  ["Fleet Telematics Pilot", "QUALIFIED", "18500.00"],
  ["Annual Support Renewal", "NEGOTIATION", "24000.00"],
  ["Data Warehouse Migration", "PROPOSAL", "86000.00"],
  ["Sales Training Package", "CLOSED_WON", "7500.00"],
  ["Security Audit", "CLOSED_LOST", "15000.00"],
  ["Marketing Automation", "LEAD", "9800.00"],
  ["Cloud Backup Expansion", "QUALIFIED", "6400.00"],
  ["Field Service App", "NEGOTIATION", "42000.00"],
  ["Payroll Integration", "LEAD", "5300.00"],
  ["Customer Portal Redesign", "PROPOSAL", "31000.00"],
  ["IoT Sensors Batch", "CLOSED_WON", "22750.50"],
  ["Office Hardware Refresh", "QUALIFIED", "14999.99"],
  ["Analytics Dashboard", "LEAD", "8200.00"],
  ["Call Center Licenses", "NEGOTIATION", "27300.00"],
  ["ERP Connector", "CLOSED_LOST", "19900.00"],
  ["Mobile Sales App", "PROPOSAL", "23800.00"],
  ["Warehouse Scanners", "QUALIFIED", "11250.00"],
  ["Consulting Retainer", "CLOSED_WON", "36000.00"],
  ["E-commerce Storefront", "LEAD", "17600.00"],
  ["Network Upgrade", "NEGOTIATION", "64500.00"],
  ["Document Management", "QUALIFIED", "9100.00"],
  ["Loyalty Program Platform", "PROPOSAL", "28900.00"],
  ["Print Services Contract", "CLOSED_LOST", "4800.00"],
  ["HR Suite Upgrade", "LEAD", "13400.00"],
  ["Video Conferencing Rooms", "QUALIFIED", "21000.00"],
  ["Inventory Forecasting", "NEGOTIATION", "38750.00"],
  ["Compliance Reporting", "CLOSED_WON", "16200.00"],
  ["API Gateway License", "PROPOSAL", "12750.00"],
  ["Managed Firewall", "LEAD", "7900.00"],
  ["Route Optimization", "QUALIFIED", "26300.00"],
  ["Digital Signage", "CLOSED_LOST", "8800.00"],
  ["Partner Portal", "NEGOTIATION", "19500.00"],
  ["Quality Management System", "PROPOSAL", "33100.00"],
  ["Onboarding Automation", "LEAD", "6100.00"],
  ["Energy Monitoring", "CLOSED_WON", "45250.00"],
  ["Knowledge Base", "QUALIFIED", "5600.00"],
  ["Point of Sale Rollout", "NEGOTIATION", "52000.00"],
  ["Tablet Fleet", "LEAD", "15800.00"],
];

const CLIENTS = [
  ["Northwind Traders", "Northwind", "orders@northwind.example"],
  ["Contoso Ltd", "Contoso", "buying@contoso.example"],
  ["Fabrikam Inc", "Fabrikam", "hello@fabrikam.example"],
  ["Tailspin Toys", "Tailspin", "procurement@tailspin.example"],
  ["Wide World Importers", "Wide World", "it@wideworld.example"],
  ["Adventure Works", "Adventure Works", "ops@adventure.example"],
  ["Litware Health", "Litware", "admin@litware.example"],
  ["Proseware Logistics", "Proseware", "fleet@proseware.example"],
] as const;

async function createUsers(tenantId: string, users: readonly { name: string; email: string; role: UserRole }[]) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: User[] = [];
  for (const u of users) created.push(await db().user.create({ data: { tenantId, ...u, passwordHash } }));
  return created;
}

async function seedDemoTenant(today: Date) {
  const tenant = await db().tenant.create({ data: { name: "Acme Demo" } });
  const [admin, supervisor, riley, jordan] = await createUsers(tenant.id, DEMO_USERS);
  const reps = [riley!, jordan!];
  const clients: Client[] = [];
  for (const [name, company, email] of CLIENTS) {
    clients.push(await db().client.create({ data: { tenantId: tenant.id, name, company, email, phone: "+1 555 0100" } }));
  }

  const quoteSpecs: [QuoteStatus, number][] = [
    ["SENT", -3],
    ["SENT", -12],
    ["SENT", 5],
    ["SENT", 20],
    ["DRAFT", 30],
    ["ACCEPTED", -40],
    ["REJECTED", -15],
    ["EXPIRED", -60],
    ["SENT", 2],
    ["DRAFT", 45],
  ];
  await db().quote.createMany({
    data: quoteSpecs.map(([status, days], i) => ({
      tenantId: tenant.id,
      clientId: clients[i % clients.length]!.id,
      salesRepId: reps[i % 2]!.id,
      quoteNumber: `Q-2026-${String(i + 1).padStart(4, "0")}`,
      totalAmount: (1500 + i * 1250).toFixed(2),
      currency: "USD",
      status,
      validUntil: addDays(today, days),
    })),
  });

  await db().vehicle.createMany({
    data: [
      ["Ford Transit #1", "ONQ-101", -2],
      ["Ford Transit #2", "ONQ-102", 3],
      ["Toyota Corolla", "ONQ-201", 6],
      ["Tesla Model 3", "ONQ-301", 40],
      ["VW Caddy", "ONQ-401", 90],
    ].map(([name, plate, days], i) => ({
      tenantId: tenant.id,
      name: name as string,
      plateNumber: plate as string,
      assignedTo: reps[i % 2]!.id,
      nextMaintenanceDate: addDays(today, days as number),
    })),
  });

  await db().exchangeRate.createMany({
    data: Object.entries(RATES)
      .filter(([currency]) => currency !== "USD")
      .map(([currency, rate]) => ({ tenantId: tenant.id, currency, rate, effectiveFrom: addDays(today, -90) })),
  });
  const lossReasons = await Promise.all(
    LOSS_REASONS.map((label) => db().lossReason.create({ data: { tenantId: tenant.id, label }, select: { id: true, label: true } })),
  );
  const positionInStage = new Map<OpportunityStage, number>();
  for (const [i, [name, stage, value]] of DEALS.entries()) {
    const owner = reps[i % 2]!;
    const closed = stage === "CLOSED_WON" || stage === "CLOSED_LOST";
    const position = (positionInStage.get(stage) ?? 0) + 1024;
    positionInStage.set(stage, position);
    // A few open deals are overdue so the overdue check and the board have something to show.
    const expected = closed ? addDays(today, -10 - i) : addDays(today, i % 9 === 0 ? -(i % 5) - 3 : 7 + i * 3);
    const createdAt = addDays(today, -45 + i);
    const movedAt = addDays(createdAt, 5);
    const reason = stage === "CLOSED_LOST" ? lossReasons[i % lossReasons.length]! : null;
    // Each deal is created as a lead and (unless it still is one) moved to its stage 5 days later; the change log
    // (a trigger, dated by onquota.now) then tells the same story as the stage history, so analytics have one.
    await db().$transaction(async (tx) => {
      const at = (instant: Date) => tx.$queryRaw`SELECT set_config('onquota.now', ${instant.toISOString()}, true)`;
      await at(createdAt);
      const { id } = await tx.opportunity.create({
        data: {
          tenantId: tenant.id,
          name,
          description: `${name} for ${clients[i % clients.length]!.name}.`,
          clientId: clients[i % clients.length]!.id,
          assignedTo: owner.id,
          createdBy: owner.id,
          estimatedValue: value,
          currency: FOREIGN_DEALS[name] ?? "USD",
          baseValue: toBase(value, RATES[FOREIGN_DEALS[name] ?? "USD"]!).toFixed(2),
          baseRate: RATES[FOREIGN_DEALS[name] ?? "USD"]!,
          probability: STAGE_PROBABILITY.LEAD,
          expectedCloseDate: expected,
          stage: "LEAD",
          boardPosition: position,
          createdAt,
          history: { create: { tenantId: tenant.id, fromStage: null, toStage: "LEAD", changedBy: owner.id, changedAt: createdAt } },
        },
        select: { id: true },
      });
      if (stage === "LEAD") return;
      await at(movedAt);
      await tx.opportunity.update({
        where: { id },
        data: {
          stage,
          probability: STAGE_PROBABILITY[stage],
          actualCloseDate: closed ? addDays(today, -(i % 7) - 1) : null,
          lossReason: reason?.label ?? null,
          lossReasonId: reason?.id ?? null,
        },
      });
      await tx.opportunityStageHistory.create({
        data: {
          tenantId: tenant.id,
          opportunityId: id,
          fromStage: "LEAD",
          toStage: stage,
          changedBy: owner.id,
          changedAt: movedAt,
          lossReason: reason?.label ?? null,
        },
      });
    });
  }

  const notify = (
    userId: string,
    title: string,
    message: string,
    type: "INFO" | "WARNING" | "SUCCESS" | "ERROR",
    category: "OPPORTUNITY" | "QUOTE" | "MAINTENANCE" | "SYSTEM",
    isRead = false,
  ) => ({
    tenantId: tenant.id,
    userId,
    title,
    message,
    type,
    category,
    isRead,
    readAt: isRead ? today : null,
    actionUrl: category === "OPPORTUNITY" ? "/pipeline" : null,
    actionLabel: category === "OPPORTUNITY" ? "Open pipeline" : null,
  });
  await db().notification.createMany({
    data: [
      notify(
        admin!.id,
        "Welcome to OnQuota",
        "Your demo workspace is ready. Drag a deal across the board to get started.",
        "INFO",
        "SYSTEM",
      ),
      notify(
        admin!.id,
        "Deal won: Sales Training Package",
        "Riley Rep closed Sales Training Package for $7,500.00.",
        "SUCCESS",
        "OPPORTUNITY",
      ),
      notify(supervisor!.id, "Vehicle maintenance overdue", "Ford Transit #1 (ONQ-101) was due 2 days ago.", "ERROR", "MAINTENANCE"),
      notify(riley!.id, "Quote Q-2026-0001 expired", "The quote for Northwind Traders expired 3 days ago.", "WARNING", "QUOTE"),
      notify(riley!.id, "New deal assigned", "Supervisor assigned you Enterprise Software License.", "INFO", "OPPORTUNITY", true),
      notify(jordan!.id, "Deal overdue: Tablet Fleet", "Its expected close date has passed.", "WARNING", "OPPORTUNITY"),
    ],
  });
  return tenant;
}

async function seedOtherTenant(today: Date) {
  const tenant = await db().tenant.create({ data: { name: "Globex Corp" } });
  const [admin, rep] = await createUsers(tenant.id, OTHER_TENANT_USERS);
  const client = await db().client.create({ data: { tenantId: tenant.id, name: "Initech", company: "Initech" } });
  for (const [i, stage] of (["LEAD", "PROPOSAL", "NEGOTIATION"] as const).entries()) {
    await db().opportunity.create({
      data: {
        tenantId: tenant.id,
        name: `Globex secret deal ${i + 1}`,
        clientId: client.id,
        assignedTo: rep!.id,
        createdBy: admin!.id,
        estimatedValue: "99000.00",
        baseValue: "99000.00",
        probability: STAGE_PROBABILITY[stage],
        expectedCloseDate: addDays(today, 30),
        stage,
        boardPosition: 1024,
        history: { create: { tenantId: tenant.id, toStage: stage, changedBy: admin!.id } },
      },
    });
  }
}

export async function seed(now = new Date()): Promise<boolean> {
  const exists = await db().user.count({ where: { email: DEMO_USERS[0].email } });
  if (exists > 0) return false;
  const today = utcDate(now);
  await seedDemoTenant(today);
  await seedOtherTenant(today);
  return true;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!);
if (isMain) {
  seed()
    .then((created) => {
      console.log(created ? "Seeded demo data (Acme Demo, Globex Corp)." : "Demo data already present; nothing to do.");
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
