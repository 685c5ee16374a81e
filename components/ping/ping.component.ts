import template from './ping.html';

interface PingResponse {
  message?: string;
  sub?: string;
  error_description?: string;
}

/** Calls the protected API; angular-jwt's interceptor adds the id_token for that exact origin only. */
class PingController {
  static $inject = ['$http', 'apiUrl'];

  result: PingResponse | null = null;
  failure: string | null = null;
  pending = false;

  constructor(
    private readonly $http: angular.IHttpService,
    readonly apiUrl: string
  ) {}

  ping(): void {
    this.pending = true;
    this.result = null;
    this.failure = null;
    this.$http
      .get<PingResponse>(`${this.apiUrl}/api/ping`)
      .then(
        (response) => {
          this.result = response.data;
        },
        (rejection: unknown) => {
          const response = rejection as Partial<angular.IHttpResponse<PingResponse | null>>;
          this.failure = response.data?.error_description ?? `The API did not answer (status ${String(response.status ?? 'none')}).`;
        }
      )
      .finally(() => {
        this.pending = false;
      });
  }
}

export const pingComponent: angular.IComponentOptions = {
  template,
  controller: PingController
};
