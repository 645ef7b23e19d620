/**
 * Types of the page's test hooks (src/ui/testhooks.ts), restated here because e2e code is checked
 * without the DOM lib. Use `lab(globalThis)` inside page.evaluate callbacks.
 */
export interface E2ELayer {
  diffId: string;
  size: number;
  createdBy: string;
}
export interface E2EImage {
  id: string;
  tags: string[];
  layers: E2ELayer[];
  size: number;
}
export interface LabWindow {
  __term?: { text(): string; lines(): string[]; tail(n: number): string[]; feeds(): number; rowsSince(mark: number): string[]; locate(text: string): { col: number; row: number } | undefined; cols: number; rows: number };
  __lab?: {
    describe(): Promise<{ images: E2EImage[]; containers: unknown[] }>;
    bootInfo(): Promise<{ bootMs: number; memfs: string }>;
    showImages(images: E2EImage[]): void;
  };
}
