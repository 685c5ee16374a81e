import type { Ng1StateDeclaration } from '@uirouter/angularjs';

export const pingState: Ng1StateDeclaration = {
  name: 'ping',
  url: '/ping',
  component: 'ping',
  data: { requiresLogin: true }
};
