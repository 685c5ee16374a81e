import type { PageState } from '../page-module';

export const homeState: PageState = {
  name: 'home',
  url: '/home',
  component: 'home'
};
