// Entry point. Order matters: the vendor glue sets the globals angular-lock reads at import time.
import './vendor/lock-globals';
import 'angular-lock';
import './app.module';
// ng-csp (index.html) stops AngularJS from injecting its own inline <style>: this is that CSS.
import 'angular/angular-csp.css';
import './app.css';
