import type { TextSink } from '../io.js';

/** Nothing is drawn for runs shorter than this. */
const SHOW_AFTER_MS = 500;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * A one-line progress bar with rate and ETA on stderr, for terminals only: the caller enables it
 * when stderr is a TTY, so a pipe or a CI log never gets carriage returns.
 */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly out: TextSink,
    private readonly total: number,
    private readonly noun: string,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(done: number): void {
    const now = this.now();
    const elapsed = now - this.started;
    if (elapsed < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    this.out.write(`\r${progressLine(done, this.total, elapsed, this.noun)}\u001b[K`);
  }

  /** Clears the line, so the report starts on a clean line. */
  finish(): void {
    if (this.drawn) this.out.write('\r\u001b[K');
  }
}

/** `[#########...............]  1234/3644 queries  820/s  ETA 3s` */
export function progressLine(done: number, total: number, elapsedMs: number, noun: string): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
  const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
  return `[${bar}] ${done}/${total} ${noun}  ${Math.round(rate)}/s  ETA ${eta === null ? '?' : formatSeconds(eta)}`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${String(seconds % 60).padStart(2, '0')}s`;
}
