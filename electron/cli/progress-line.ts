import { Format, SingleBar, type Options, type Params } from 'cli-progress';

/** A progress line for long work: count, total, rate and time left, redrawn in place on a terminal. */
export interface ProgressLine {
  /** True when a line is drawn (a terminal); otherwise the caller prints what matters itself. */
  readonly drawn: boolean;
  /** How far the work is; the line appears with the first call. */
  update(done: number, total: number): void;
  /** A few words shown at the line's end from now on (e.g. that a stop was asked for). */
  note(text: string): void;
  /** Clears the line and gives the terminal back as it was, before anything else is printed. */
  stop(): void;
}

/** Nothing drawn: standard error is not a terminal, or the output is JSON. */
const NO_LINE: ProgressLine = {
  drawn: false,
  update: () => undefined,
  note: () => undefined,
  stop: () => undefined,
};

/**
 * A progress line on `stream` (standard error when it is a terminal), drawn by cli-progress, which
 * redraws it in place at most a few times a second and clears it on stop; `noun` names what is
 * counted ("accounts"). Without a stream, nothing is drawn.
 */
export function progressLine(
  stream: NodeJS.WriteStream | undefined,
  verb: string,
  noun: string,
): ProgressLine {
  if (stream === undefined) return NO_LINE;
  let started = false;
  let startValue = 0;
  let note = '';
  const bar = new SingleBar({
    stream,
    fps: 5,
    barsize: 24,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    clearOnComplete: true,
    format: (options: Options, params: Params) =>
      `keyfob: ${verb} [${Format.BarFormat(params.progress, options)}] ${params.value}/${params.total} ${noun}` +
      `${rateAndTimeLeft(options, params, startValue)}${note}`,
  });
  return {
    drawn: true,
    update(done, total) {
      if (!started) {
        started = true;
        startValue = done;
        bar.start(total, done);
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    note(text) {
      note = ` — ${text}`;
      if (started) bar.render();
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** ", 26.0/s, 19s left" once a rate is known (cli-progress estimates the time from its last updates). */
function rateAndTimeLeft(options: Options, params: Params, startValue: number): string {
  const seconds = (Date.now() - params.startTime) / 1000;
  const rate = seconds > 0 ? (params.value - startValue) / seconds : 0;
  if (rate <= 0) return '';
  const eta = typeof params.eta === 'number' && params.value > startValue ? params.eta : null;
  const left = eta === null ? '' : `, ${Format.TimeFormat(eta, options, 1)} left`;
  return `, ${rate.toFixed(1)}/s${left}`;
}
