import { apiRoute } from "@/lib/http";
import { getPushPublicKey, getPushPublicKeyOperation } from "@/lib/push";

export const GET = apiRoute(getPushPublicKeyOperation, async () => getPushPublicKey());
