import { defineOperation } from "@/lib/http";
import { lossReasonBody, lossReasonIdParams, lossReasonListOut, lossReasonOut } from "./schemas";

const tags = ["Loss reasons"];
const ADMIN = ["ADMIN"] as const;

export const listLossReasonsOperation = defineOperation({
  id: "listLossReasons",
  method: "GET",
  path: "/loss-reasons",
  summary: "The company's loss reasons (everyone may read them, to close a deal as lost)",
  tags,
  response: lossReasonListOut,
});

export const createLossReasonOperation = defineOperation({
  id: "createLossReason",
  method: "POST",
  path: "/loss-reasons",
  summary: "Add a loss reason (admins)",
  tags,
  roles: ADMIN,
  body: lossReasonBody,
  response: lossReasonOut,
  successStatus: 201,
  errors: [409],
});

export const updateLossReasonOperation = defineOperation({
  id: "updateLossReason",
  method: "PUT",
  path: "/loss-reasons/{id}",
  summary: "Rename a loss reason (admins); deals closed with it keep the text they were closed with",
  tags,
  roles: ADMIN,
  params: lossReasonIdParams,
  body: lossReasonBody,
  response: lossReasonOut,
  errors: [409],
});

export const deleteLossReasonOperation = defineOperation({
  id: "deleteLossReason",
  method: "DELETE",
  path: "/loss-reasons/{id}",
  summary: "Remove a loss reason (admins); deals closed with it keep their loss text",
  tags,
  roles: ADMIN,
  params: lossReasonIdParams,
  successStatus: 204,
});

export const lossReasonOperations = [
  listLossReasonsOperation,
  createLossReasonOperation,
  updateLossReasonOperation,
  deleteLossReasonOperation,
];
