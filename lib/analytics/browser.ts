/** What the browser may use of analytics: schemas, periods and CSV text (nothing here reaches the database). */
export * from "./schemas";
export * from "./period";
