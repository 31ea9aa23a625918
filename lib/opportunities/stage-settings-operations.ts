import { defineOperation } from "@/lib/http";
import { stageSettingsOut, putStageSettingsBody } from "./stage-settings-schemas";

const tags = ["Pipeline"];

export const getStageSettingsOperation = defineOperation({
  id: "getPipelineStages",
  method: "GET",
  path: "/pipeline/stages",
  summary: "Settings of the open stages: default probability, forecast category and stale threshold",
  tags,
  response: stageSettingsOut,
});

export const putStageSettingsOperation = defineOperation({
  id: "putPipelineStages",
  method: "PUT",
  path: "/pipeline/stages",
  summary: "Change the settings of some open stages (admins); fields left out keep their value",
  tags,
  roles: ["ADMIN"],
  body: putStageSettingsBody,
  response: stageSettingsOut,
});

export const stageSettingsOperations = [getStageSettingsOperation, putStageSettingsOperation];
