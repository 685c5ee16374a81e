import type { PageState } from '../page-module';

export const loginState: PageState = {
  name: 'login',
  url: '/login',
  component: 'login'
};
