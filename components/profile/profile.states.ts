import type { Ng1StateDeclaration } from '@uirouter/angularjs';

export const profileState: Ng1StateDeclaration = {
  name: 'profile',
  url: '/profile',
  component: 'profile',
  data: { requiresLogin: true }
};
