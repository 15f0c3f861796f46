// One policy for every way the renderer is served (Electron's app:// protocol and the loopback shell):
// no inline or eval'd script, no remote anything. Imported content can therefore never load a tracker
// image or run a script even if it slipped past rendering-as-text.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The bulletin preview is main's print HTML in <iframe sandbox="" srcdoc>: a srcdoc document inherits this
  // policy, and its page style is an inline <style> with data: fonts. So inline styles and data: fonts are
  // allowed, and nothing else: scripts stay 'self' only (the frame's empty sandbox runs none anyway), and
  // every fetch stays on our origin, so a style can never send anything anywhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // srcdoc frames need no frame-src (nothing is fetched); no other frame may load.
  "frame-src 'none'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
