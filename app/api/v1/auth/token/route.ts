import { issueAccessToken, ACCESS_TOKEN_TTL_SECONDS } from "@/lib/auth/tokens";
import { UnauthorizedError } from "@/lib/errors";
import { publicApiRoute } from "@/lib/http/api-route";
import { clientIp, limitSignIn } from "@/lib/rate-limit";
import { tokenOperation } from "@/lib/users/operations";
import { serializeUser } from "@/lib/users/serialize";
import { authenticate } from "@/lib/auth/service";

export const POST = publicApiRoute(tokenOperation, async ({ body, request }) => {
  const user = await limitSignIn(body.email, clientIp(request.headers), () => authenticate(body.email, body.password));
  if (!user) throw new UnauthorizedError("Invalid email or password.");
  const { token } = await issueAccessToken({ tenantId: user.tenantId, userId: user.id, role: user.role });
  return { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS, user: serializeUser(user) };
});
