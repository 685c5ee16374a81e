import angular from 'angular';
import { navbarComponent } from './navbar.component';

export const navbarModule = angular.module('app.navbar', []).component('navbar', navbarComponent).name;
