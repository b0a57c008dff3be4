// Entry of the fake office.js served to the browser tests. Options come from the page's
// `window.__fakeOfficeOptions` (set by the test before the page loads) or the defaults.
import { installFakeOffice, type FakeOfficeOptions } from './index';

const w = window as unknown as Record<string, unknown>;
installFakeOffice((w.__fakeOfficeOptions as FakeOfficeOptions | undefined) ?? {}, w);
