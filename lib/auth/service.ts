import { dummyPasswordHash, verifyPassword } from "./password";
import { findUserForLogin, type SignedInUser } from "./repository";

/** The user with this email and password, if active; spends the same time whether or not the email exists. */
export async function authenticate(email: string, password: string): Promise<SignedInUser | null> {
  const user = await findUserForLogin(email.trim().toLowerCase());
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.isActive) return null;
  const { passwordHash: _ignored, ...signedIn } = user;
  return signedIn;
}
