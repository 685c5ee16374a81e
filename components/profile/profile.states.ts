import type { PageState } from '../page-module';

export const profileState: PageState = {
  name: 'profile',
  url: '/profile',
  component: 'profile',
  data: { requiresLogin: true }
};
