// The tenant's route table: every path it answers, the CORS and body parsing in front, and the handler.
import express, { Router } from 'express';
import { tenantCors } from '../http/cors';
import { SMALL_BODY_LIMIT } from '../http/helpers';
import { authorize } from './authorize';
import { avatarPicture } from './avatar';
import { coAuthenticate } from './co-authenticate';
import { coVerify } from './co-verification';
import type { TenantContext } from './context';
import { dbConnections } from './dbconnections';
import { discovery } from './discovery';
import { verifyEmail } from './email-verification';
import { lockAssets } from './lock-assets';
import { logout } from './logout';
import { passwordReset } from './reset';
import { unblock } from './unblock';
import { userinfo } from './userinfo';

export function tenantRoutes(ctx: TenantContext): Router {
  const router = Router();
  // CORS for the endpoints auth0-js calls with fetch/XHR; every other page is a navigation or a <script>.
  const corsGet = tenantCors(ctx.config.webOrigins, 'GET');
  const corsPost = tenantCors(ctx.config.webOrigins, 'POST');
  const json = express.json({ limit: SMALL_BODY_LIMIT });
  const form = express.urlencoded({ extended: false, limit: SMALL_BODY_LIMIT });

  // The scripts Lock loads with <script> tags.
  const lock = lockAssets(ctx);
  router.get('/client/:file', lock.clientScript);
  router.get('/js/lock/:version/:file', lock.languageScript);

  const wellKnown = discovery(ctx);
  router.use(['/.well-known/jwks.json', '/.well-known/openid-configuration'], corsGet);
  router.get('/.well-known/jwks.json', wellKnown.jwks);
  router.get('/.well-known/openid-configuration', wellKnown.openidConfiguration);

  router.use('/co/authenticate', corsPost);
  router.post('/co/authenticate', json, coAuthenticate(ctx));
  router.post('/co/verify', form, coVerify(ctx));
  router.get('/authorize', authorize(ctx));

  const db = dbConnections(ctx);
  router.use('/dbconnections', corsPost);
  router.post('/dbconnections/signup', json, db.signup);
  router.post('/dbconnections/change_password', json, db.changePassword);

  // The pages that emailed links open.
  const reset = passwordReset(ctx);
  router.get('/lo/reset', reset.resetForm);
  router.post('/lo/reset', express.urlencoded({ extended: false, limit: SMALL_BODY_LIMIT, parameterLimit: 10 }), reset.resetPassword);
  router.get('/u/email-verification', verifyEmail(ctx));
  router.get('/lo/unblock', unblock(ctx));

  router.use('/userinfo', corsGet);
  router.get('/userinfo', userinfo(ctx));
  router.get('/avatar/:file', avatarPicture(ctx));
  router.get('/v2/logout', logout(ctx));
  return router;
}
