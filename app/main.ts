// The webpack entry. ng-csp (index.html) stops AngularJS from injecting its own inline <style>:
// angular-csp.css is that CSS.
import 'angular/angular-csp.css';
import './app.css';
import './lock.css';
import './app.module';
