// The tutorial's app.js for AngularJS 1.6 and angular-ui-router 0.4, in plain ES5: the session
// handling comes from the module 'auth0.session' (dist-lib/auth0-angularjs-session.js).
(function () {
  'use strict';

  angular
    .module('example', ['auth0.session', 'ui.router'])

    .config([
      'authSessionProvider',
      '$stateProvider',
      '$urlRouterProvider',
      function (authSessionProvider, $stateProvider, $urlRouterProvider) {
        // The tutorial's auth0-variables.js. Here the local dev tenant of `npm run example:…`; for
        // your Auth0 tenant: { domain: 'your-tenant.eu.auth0.com', clientID: 'your client ID' }.
        // (With the tenant on another port, as in the e2e tests, scripts/serve-example.ts serves
        // this file with that tenant's URL as the domain.)
        authSessionProvider.configure({
          domain: 'http://localhost:3001',
          // loginMode: 'universal', // Universal Login: the tenant's own page, renewal by refresh token (README)
          clientID: 'dev-tenant-client'
        });

        $stateProvider
          .state('home', { url: '/home', templateUrl: 'home.html' })
          // Where the login guard sends anonymous visitors of guarded states (the default, 'login').
          .state('login', { url: '/login', templateUrl: 'login.html' })
          // Guarded: logged out, the guard goes to 'login', and back here once logged in.
          .state('profile', { url: '/profile', templateUrl: 'profile.html', data: { requiresLogin: true } });
        $urlRouterProvider.otherwise('/home');
        // The hash prefix stays AngularJS 1.6's default, '!': #!/home, #!/profile.
      }
    ])

    // The navbar and the pages read the session from authService (index.html: "SessionController as vm").
    .controller('SessionController', [
      'authService',
      function (authService) {
        this.authService = authService;
      }
    ])

    .run([
      'authService',
      'lock',
      function (authService, lock) {
        authService.registerAuthenticationListener();
        authService.checkAuthOnRefresh();
        lock.interceptHash();
      }
    ]);
})();
