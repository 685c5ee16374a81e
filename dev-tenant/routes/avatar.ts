// GET /avatar/<id>.svg: the generated picture of the `picture` claim (see http/avatar-svg.ts).
import { type RequestHandler } from 'express';
import { avatarSvg } from '../http/avatar-svg';
import type { TenantContext } from './context';

const AVATAR_FILE = /^([0-9a-f]{32})\.svg$/;
/** An SVG opened on its own is a document: it may run nothing and load nothing. */
const AVATAR_CSP = "default-src 'none'; frame-ancestors 'none'";

export function avatarPicture({ users }: TenantContext): RequestHandler<{ file: string }> {
  return (req, res, next) => {
    const avatarId = AVATAR_FILE.exec(req.params.file)?.[1];
    const user = avatarId === undefined ? undefined : users.findByAvatarId(avatarId);
    if (user === undefined) {
      next();
      return;
    }
    res
      .type('image/svg+xml')
      .set('Content-Security-Policy', AVATAR_CSP)
      // A day, then revalidated with the ETag: a renamed config user gets new initials by tomorrow.
      .set('Cache-Control', 'public, max-age=86400')
      .send(avatarSvg(user));
  };
}
