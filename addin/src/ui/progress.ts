// The progress bar over read → validate → send → mark (submission is all-or-nothing, so the
// bar follows phases, not chunks).
import type { Locale } from '../../../core/types';
import { t, type TextKey } from '../i18n';

export function progressBar(root: HTMLElement, locale: () => Locale): { show(phase: TextKey, fraction: number): void; hide(): void } {
  const bar = root.querySelector<HTMLProgressElement>('progress')!;
  const label = root.querySelector<HTMLElement>('.phase')!;
  return {
    show(phase, fraction) {
      root.hidden = false;
      bar.value = Math.max(0, Math.min(1, fraction));
      label.textContent = t(locale(), phase);
    },
    hide() {
      root.hidden = true;
    },
  };
}
