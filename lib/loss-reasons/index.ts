/** What the edges and other modules use of loss reasons (a company's list of why deals are lost). */
export { createLossReason, deleteLossReason, listLossReasons, lossReasonLabel, updateLossReason } from "./service";
export * from "./operations";
export * from "./schemas";
