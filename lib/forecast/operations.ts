import { defineOperation } from "@/lib/http";
import { MANAGER_ROLES } from "@/lib/scope";
import { forecastOut, forecastQuery, putTargetsBody, targetsOut, targetsQuery } from "./schemas";

export const getTargetsOperation = defineOperation({
  id: "getTargets",
  method: "GET",
  path: "/targets",
  summary: "Monthly sales targets in the base currency (managers: everyone's; a rep: their own)",
  tags: ["Forecast"],
  query: targetsQuery,
  response: targetsOut,
});

export const putTargetsOperation = defineOperation({
  id: "putTargets",
  method: "PUT",
  path: "/targets",
  summary: "Set users' monthly sales targets (admins and supervisors); an amount of 0 removes one",
  tags: ["Forecast"],
  roles: MANAGER_ROLES,
  body: putTargetsBody,
  response: targetsOut,
});

export const forecastOperation = defineOperation({
  id: "getAnalyticsForecast",
  method: "GET",
  path: "/analytics/forecast",
  summary:
    "Per period and rep: target, closed won, commit, best case, pipeline, weighted, attainment, gap and the simulated p10–p50–p90 of won value",
  tags: ["Analytics"],
  query: forecastQuery,
  response: forecastOut,
});

export const forecastOperations = [getTargetsOperation, putTargetsOperation, forecastOperation];
