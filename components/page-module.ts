import angular from 'angular';
import uiRouter, { type Ng1StateDeclaration, type StateProvider } from '@uirouter/angularjs';

/** A page's state: a plain object with a name, a URL and the component it shows. */
export type PageState = Ng1StateDeclaration & { readonly name: string; readonly component: string };

/** A page of the sample app: a module of its own that registers its component and its ui-router state. */
export function pageModule(state: PageState, component: angular.IComponentOptions): string {
  const registerState = ($stateProvider: StateProvider): void => {
    $stateProvider.state(state);
  };
  registerState.$inject = ['$stateProvider'];
  return angular.module(`app.${state.name}`, [uiRouter]).component(state.component, component).config(registerState).name;
}
