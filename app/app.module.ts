import angular from 'angular';
import uiRouter from '@uirouter/angularjs';
import { authSessionModule } from '../components/auth';
import { homeModule } from '../components/home/home.module';
import { loginModule } from '../components/login/login.module';
import { navbarModule } from '../components/navbar/navbar.module';
import { pingModule } from '../components/ping/ping.module';
import { profileModule } from '../components/profile/profile.module';
import { appConfig } from './app.config';
import { appRun } from './app.run';
import { buildSettings } from './auth0-settings';

/** The tutorial's `app` module: the session module, ui-router and the pages, each registering itself. */
export const appModule = angular
  .module('app', [authSessionModule, uiRouter, navbarModule, homeModule, loginModule, profileModule, pingModule])
  .constant('apiUrl', buildSettings.apiUrl)
  .config(appConfig)
  .run(appRun).name;
