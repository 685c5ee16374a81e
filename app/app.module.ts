import angular from 'angular';
import angularJwt from 'angular-jwt';
import uiRouter from '@uirouter/angularjs';
import { auth0Settings } from './auth0-settings';
import { appConfig } from './app.config';
import { appRun } from './app.run';
import { AuthService } from '../components/auth/auth.service';
import { TokenStorage } from '../components/auth/token-storage';
import { homeComponent } from '../components/home/home.component';
import { loginComponent } from '../components/login/login.component';
import { navbarComponent } from '../components/navbar/navbar.component';

/** The tutorial's `app` module: Lock, angular-jwt and ui-router, plus the auth service. */
export const appModule = angular
  .module('app', ['auth0.lock', angularJwt, uiRouter])
  .constant('auth0Settings', auth0Settings)
  .config(appConfig)
  .service('tokenStorage', TokenStorage)
  .service('authService', AuthService)
  .component('navbar', navbarComponent)
  .component('home', homeComponent)
  .component('login', loginComponent)
  .run(appRun).name;
