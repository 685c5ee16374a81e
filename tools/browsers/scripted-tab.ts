// What the Chromium (Playwright) and Firefox (puppeteer) tabs share: both libraries' pages load,
// reload, list and click elements alike. Each tab says only how it evaluates and types.
import { PollingTab } from './driver';

/** The part of a Playwright or puppeteer page the tabs use. */
export interface ScriptedPage<Element> {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  reload(options: { waitUntil: 'load' }): Promise<unknown>;
  url(): string;
  bringToFront(): Promise<void>;
  $$(css: string): Promise<Element[]>;
}

export abstract class ScriptedTab<Element extends { click(): Promise<void> }> extends PollingTab<Element> {
  constructor(protected readonly page: ScriptedPage<Element>) {
    super();
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  url(): Promise<string> {
    return Promise.resolve(this.page.url());
  }

  protected async elements(css: string): Promise<Element[]> {
    // The tab acted on comes to the front: Firefox throttles background tabs' timers and animations (Lock's opening).
    await this.page.bringToFront();
    return this.page.$$(css);
  }

  protected clickElement(element: Element): Promise<void> {
    return element.click();
  }
}
