import { pageModule } from '../page-module';
import { loginComponent } from './login.component';
import { loginState } from './login.states';

export const loginModule = pageModule(loginState, loginComponent);
