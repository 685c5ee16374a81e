/**
 * Bench only (`webpack --env eager`, see scripts/bench.ts): the build before Lock went lazy, for
 * comparison. Webpack then bundles Lock's and auth0-js's chunks into main.js, and this constructs
 * Lock on every page load, as the tutorial does.
 */
import angular from 'angular';
import { appModule } from './app.module';

angular.module(appModule).run([
  'lock',
  (lock: angular.lock.ILockService) => {
    lock.preload();
  }
]);
