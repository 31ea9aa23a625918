import { defineOperation } from "@/lib/http";
import {
  funnelOut,
  funnelQuery,
  opportunityChangesOut,
  opportunityChangesParams,
  velocityOut,
  velocityQuery,
  waterfallOut,
  waterfallQuery,
  winLossOut,
  winLossQuery,
} from "./schemas";

const tags = ["Analytics"];

export const opportunityChangesOperation = defineOperation({
  id: "getOpportunityChanges",
  method: "GET",
  path: "/opportunities/{id}/changes",
  summary: "The change log of an opportunity: every change of its stage, value, probability, close date, owner or currency",
  tags: ["Opportunities"],
  ownerScoped: true,
  params: opportunityChangesParams,
  response: opportunityChangesOut,
  errors: [404],
});

export const funnelOperation = defineOperation({
  id: "getAnalyticsFunnel",
  method: "GET",
  path: "/analytics/funnel",
  summary: "Per stage: deals that entered it in the window, how many moved on, conversion, win rate and days in stage",
  tags,
  query: funnelQuery,
  response: funnelOut,
});

export const winLossOperation = defineOperation({
  id: "getAnalyticsWinLoss",
  method: "GET",
  path: "/analytics/win-loss",
  summary: "Won and lost deals of the window by rep, client, loss reason or month: counts, base values, win rate, cycle, slips",
  tags,
  query: winLossQuery,
  response: winLossOut,
});

export const velocityOperation = defineOperation({
  id: "getAnalyticsVelocity",
  method: "GET",
  path: "/analytics/velocity",
  summary: "Sales velocity: open deals × mean deal size × win rate ÷ mean cycle days",
  tags,
  query: velocityQuery,
  response: velocityOut,
});

export const waterfallOperation = defineOperation({
  id: "getAnalyticsWaterfall",
  method: "GET",
  path: "/analytics/waterfall",
  summary:
    "How the pipeline due by `to` went from the start of `from` to the end of `to`: created, pulled in, pushed out, value changed, won, lost",
  tags,
  query: waterfallQuery,
  response: waterfallOut,
});

export const analyticsOperations = [opportunityChangesOperation, funnelOperation, winLossOperation, velocityOperation, waterfallOperation];
