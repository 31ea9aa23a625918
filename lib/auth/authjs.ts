import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { TooManyRequestsError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { clientIp, limitSignIn } from "@/lib/rate-limit";
import { authenticate } from "./service";
import { authSecret } from "./secret";

/** Thrown by `authorize` over a sign-in limit; Auth.js hands it to the caller of `signIn`. */
export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

const credentials = z.object({ email: z.string().max(320), password: z.string().max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an everyday event, not an error with a stack trace.
    error: (error) => {
      if (error instanceof RateLimitedSignin) logger.warn("sign-in refused: too many attempts");
      else if (error.name === "CredentialsSignin") logger.info("sign-in refused: wrong credentials");
      else logger.error({ err: error }, "auth error");
    },
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => undefined,
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        try {
          const user = await limitSignIn(email, clientIp(request.headers), () => authenticate(email, password));
          return user ? { id: user.id, name: user.name, email: user.email } : null;
        } catch (error) {
          if (error instanceof TooManyRequestsError) throw new RateLimitedSignin(error.retryAfterSeconds);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
