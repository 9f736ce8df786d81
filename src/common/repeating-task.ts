/**
 * Runs `run` over and over, each time `intervalMs` after the previous run ended (runs never
 * overlap), until stopped. A run that fails goes to `onError` and the next one runs as usual.
 * The timer does not keep the process alive: the HTTP server does.
 */
export class RepeatingTask {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private isStopped = false;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  get stopped(): boolean {
    return this.isStopped;
  }

  start(firstDelayMs = this.intervalMs): void {
    this.schedule(firstDelayMs);
  }

  /** No run starts after this; resolves once a run under way has ended. */
  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run()
        .then(
          () => undefined,
          (error) => this.onError(error as Error),
        )
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
