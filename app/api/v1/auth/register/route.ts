import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken } from "@/lib/auth";
import { publicApiRoute } from "@/lib/http";
import { clientIp, limitRegistration } from "@/lib/rate-limit";
import { registerOperation, registerTenant, serializeUser } from "@/lib/users";

export const POST = publicApiRoute(registerOperation, async ({ body, request }) => {
  await limitRegistration(clientIp(request.headers));
  const user = await registerTenant({
    companyName: body.company_name,
    name: body.name,
    email: body.email,
    password: body.password,
    baseCurrency: body.base_currency,
  });
  const { token } = await issueAccessToken({ tenantId: user.tenantId, userId: user.id, role: user.role });
  return { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS, user: serializeUser(user) };
});
