import { ACCESS_TOKEN_TTL_SECONDS, authenticate, issueAccessToken } from "@/lib/auth";
import { UnauthorizedError } from "@/lib/errors";
import { publicApiRoute } from "@/lib/http";
import { clientIp, limitSignIn } from "@/lib/rate-limit";
import { serializeUser, tokenOperation } from "@/lib/users";

export const POST = publicApiRoute(tokenOperation, async ({ body, request }) => {
  const user = await limitSignIn(body.email, clientIp(request.headers), () => authenticate(body.email, body.password));
  if (!user) throw new UnauthorizedError("Invalid email or password.");
  const { token } = await issueAccessToken({ tenantId: user.tenantId, userId: user.id, role: user.role });
  return { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS, user: serializeUser(user) };
});
