import type { PageState } from '../page-module';

export const pingState: PageState = {
  name: 'ping',
  url: '/ping',
  component: 'ping',
  data: { requiresLogin: true }
};
