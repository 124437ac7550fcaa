import type { BrowserContext, ConsoleMessage } from "@playwright/test";

/** A failed response the test causes on purpose (Chromium logs each one as a console error). */
export interface ExpectedFailure {
  status: number;
  /** The failing request's URL: a substring or a pattern. Any URL when omitted. */
  url?: string | RegExp;
}

// Chromium's wording for a response with an error status, e.g. "… status of 409 (Conflict)".
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})\b/;

/**
 * Collects every console.error and uncaught page error in the browser contexts it watches, so a
 * UI test fails on a broken page even when the assertions it makes still pass. A 4xx response
 * the test triggers on purpose is allowed once declared with `expectFailedResponse`.
 */
export class BrowserErrors {
  private readonly expected: ExpectedFailure[] = [];
  private readonly problems: string[] = [];

  watch(context: BrowserContext): void {
    context.on("console", (message) => {
      if (message.type() === "error") this.onConsoleError(message);
    });
    context.on("weberror", (webError) => {
      const error = webError.error();
      this.problems.push(`pageerror on ${webError.page()?.url() ?? "?"}: ${error.stack ?? error.message}`);
    });
  }

  expectFailedResponse(status: number, url?: string | RegExp): void {
    // 5xx is never "on purpose": it is a product failure.
    if (status < 400 || status > 499) throw new Error(`only 4xx responses can be expected, not ${status}`);
    this.expected.push({ status, url });
  }

  /** What went wrong, one line each; empty when the pages stayed clean. */
  unexpected(): string[] {
    return [...this.problems];
  }

  private onConsoleError(message: ConsoleMessage): void {
    const url = message.location().url;
    const status = FAILED_RESOURCE.exec(message.text())?.[1];
    if (status && this.expected.some((failure) => failure.status === Number(status) && matches(failure.url, url)))
      return;
    this.problems.push(`console.error on ${message.page()?.url() ?? "?"} (${url || "no source"}): ${message.text()}`);
  }
}

function matches(expected: string | RegExp | undefined, url: string): boolean {
  if (expected === undefined) return true;
  return typeof expected === "string" ? url.includes(expected) : expected.test(url);
}
