import { pageModule } from '../page-module';
import { pingComponent } from './ping.component';
import { pingState } from './ping.states';

export const pingModule = pageModule(pingState, pingComponent);
