// GET /favicon.ico: browsers ask every origin for one, here on the tenant's own login pages; a 404
// would be a console error on every one of them. A small SVG mark, the page's colours.
import type { RequestHandler } from 'express';

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#16214d"/>' +
  '<path d="M4 11l4-7 4 7z" fill="#fff"/></svg>';

export const favicon: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'public, max-age=86400');
  res.type('image/svg+xml').send(ICON);
};
