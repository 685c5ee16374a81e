// Entry point. Order matters: the vendor glue sets the globals angular-lock reads at import time.
import './vendor/lock-globals';
import 'angular-lock';
import './app.module';
import './app.css';
