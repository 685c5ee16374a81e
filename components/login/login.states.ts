import type { Ng1StateDeclaration } from '@uirouter/angularjs';

export const loginState: Ng1StateDeclaration = {
  name: 'login',
  url: '/login',
  component: 'login'
};
