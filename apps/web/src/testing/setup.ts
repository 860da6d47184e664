import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '@/app/locales';

// antd renders slowly in jsdom, more so with test files running in parallel.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks what antd's responsive layout and virtual lists measure with.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    // Tests see a desktop: min-width queries match, so the side menu and all columns show.
    matches: /min-width/.test(query),
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  }),
});

// jsdom's getComputedStyle matches every rule of every stylesheet, and antd injects thousands of
// rules and measures on each render (TextArea autoSize, tabs, tables): tests became ~30 s each.
// Layout is not real in jsdom anyway, so answer with the inline style only (pseudo-elements too).
window.getComputedStyle = ((element: Element) =>
  element instanceof HTMLElement ? element.style : document.createElement('div').style) as typeof window.getComputedStyle;

window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
HTMLElement.prototype.scrollIntoView = vi.fn();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
