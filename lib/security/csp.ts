/**
 * Content-Security-Policy for pages: scripts only from our origin or carrying this response's nonce
 * ('strict-dynamic' lets those load the chunks they import). Styles allow inline because React renders
 * style attributes and the toaster injects a <style>; an injected style cannot run code.
 * Development adds 'unsafe-eval', which React's dev build needs for stack reconstruction.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker that shows desktop notifications (public/sw.js).
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
