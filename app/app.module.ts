import angular from 'angular';
import angularJwt from 'angular-jwt';
import uiRouter from '@uirouter/angularjs';
import { auth0Settings } from './auth0-settings';
import { appConfig } from './app.config';
import { appRun } from './app.run';
import { AuthService } from '../components/auth/auth.service';
import { authErrorComponent } from '../components/auth/auth-error.component';
import { requiresLoginHook } from '../components/auth/requires-login.hook';
import { ReturnTo } from '../components/auth/return-to';
import { SessionTimers } from '../components/auth/session-timers';
import { TokenStorage } from '../components/auth/token-storage';
import { homeComponent } from '../components/home/home.component';
import { loginComponent } from '../components/login/login.component';
import { navbarComponent } from '../components/navbar/navbar.component';
import { pingComponent } from '../components/ping/ping.component';
import { profileComponent } from '../components/profile/profile.component';

/** The tutorial's `app` module: Lock, angular-jwt and ui-router, plus the auth service. */
export const appModule = angular
  .module('app', ['auth0.lock', angularJwt, uiRouter])
  .constant('auth0Settings', auth0Settings)
  .config(appConfig)
  .service('tokenStorage', TokenStorage)
  .service('sessionTimers', SessionTimers)
  .service('returnTo', ReturnTo)
  .service('authService', AuthService)
  .component('authError', authErrorComponent)
  .component('navbar', navbarComponent)
  .component('home', homeComponent)
  .component('login', loginComponent)
  .component('profile', profileComponent)
  .component('ping', pingComponent)
  .run(requiresLoginHook)
  .run(appRun).name;
