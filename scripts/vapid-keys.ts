/**
 * Prints a new VAPID key pair as env lines for a new install (`npm run push:keys`): put them in the server's
 * environment with a contact (VAPID_SUBJECT) and desktop notifications can be turned on in Settings. Keep the private
 * key secret; changing the pair later means every browser must turn notifications on again.
 */
import webpush from "web-push";

const { publicKey, privateKey } = webpush.generateVAPIDKeys();
const subject = process.argv[2] ?? "mailto:admin@example.com";

console.log(`VAPID_PUBLIC_KEY=${publicKey}`);
console.log(`VAPID_PRIVATE_KEY=${privateKey}`);
console.log(`VAPID_SUBJECT=${subject}`);
