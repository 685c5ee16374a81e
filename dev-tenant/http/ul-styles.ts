// The Universal Login pages' one stylesheet, served by the tenant (the pages' CSP allows no inline style).
import type { RequestHandler } from 'express';

const STYLES = `
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
  background: #f3f4f6; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; }
.box { width: 100%; max-width: 24rem; margin: 1rem; padding: 2rem; background: #fff; border-radius: 0.5rem;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15); }
h1 { margin: 0 0 0.5rem; font-size: 1.5rem; text-align: center; }
.intro { margin: 0 0 1.5rem; text-align: center; color: #4b5563; }
label { display: block; margin: 1rem 0 0.25rem; font-weight: 600; }
input { box-sizing: border-box; width: 100%; padding: 0.6rem 0.75rem; border: 1px solid #9ca3af; border-radius: 0.25rem; font: inherit; }
input:focus { outline: 2px solid #2563eb; outline-offset: 1px; }
button { width: 100%; margin-top: 1.5rem; padding: 0.7rem; border: 0; border-radius: 0.25rem; background: #1d4ed8;
  color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
button:hover, button:focus { background: #1e40af; }
.error { margin: 0 0 1rem; padding: 0.75rem; border-radius: 0.25rem; background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5; }
.rules { margin: 0.5rem 0 0; white-space: pre-wrap; font: inherit; font-size: 0.875rem; }
.links { margin: 1.5rem 0 0; text-align: center; }
a { color: #1d4ed8; }
`;

export const ulStyles: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'public, max-age=3600').type('css').send(STYLES);
};
