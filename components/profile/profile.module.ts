import { pageModule } from '../page-module';
import { profileComponent } from './profile.component';
import { profileState } from './profile.states';

export const profileModule = pageModule(profileState, profileComponent);
