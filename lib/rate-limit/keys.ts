import { addressUnit } from "./address";

/** The bucket keys of the limits (lib/rate-limit/limits.ts). */
const normalizedEmail = (email: string) => email.trim().toLowerCase();

export const loginAddressKey = (ip: string) => `login:address:${addressUnit(ip)}`;
export const loginPairKey = (ip: string, email: string) => `login:pair:${addressUnit(ip)}:${normalizedEmail(email)}`;
export const registerAddressKey = (ip: string) => `register:address:${addressUnit(ip)}`;
