import { pageModule } from '../page-module';
import { homeComponent } from './home.component';
import { homeState } from './home.states';

export const homeModule = pageModule(homeState, homeComponent);
