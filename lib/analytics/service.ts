import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { funnel } from "./funnel";
import type { FunnelOut, VelocityOut, WaterfallOut, WindowQuery, WinLossOut, WinLossQuery } from "./schemas";
import { serializeFunnel, serializeVelocity, serializeWaterfall, serializeWinLoss } from "./serialize";
import { velocity } from "./velocity";
import { waterfall } from "./waterfall";
import { winLoss } from "./win-loss";

export async function getFunnel(scope: Scope, query: WindowQuery): Promise<FunnelOut> {
  return serializeFunnel(query, await funnel(scope, query));
}

export async function getWinLoss(scope: Scope, query: WinLossQuery): Promise<WinLossOut> {
  const [base, result] = await Promise.all([baseCurrencyOf(scope), winLoss(scope, query)]);
  return serializeWinLoss(query, base, result);
}

export async function getVelocity(scope: Scope, query: WindowQuery): Promise<VelocityOut> {
  const [base, row] = await Promise.all([baseCurrencyOf(scope), velocity(scope, query)]);
  return serializeVelocity(query, base, row);
}

export async function getWaterfall(scope: Scope, query: WindowQuery): Promise<WaterfallOut> {
  const [base, row] = await Promise.all([baseCurrencyOf(scope), waterfall(scope, query)]);
  return serializeWaterfall(query, base, row);
}
