import { Format, SingleBar, type Options, type Params } from 'cli-progress';

/** A progress line for long work, redrawn in place on a terminal. */
export interface ProgressLine {
  /** True when a line is drawn (a terminal); otherwise the caller prints what matters itself. */
  readonly drawn: boolean;
  /** How far the work is; the line appears with the first call. */
  update(done: number, total: number): void;
  /** A few words shown at the line's end from now on (the step under way, a stop asked for). */
  note(text: string): void;
  /** Clears the line and gives the terminal back as it was, before anything else is printed. */
  stop(): void;
}

/** What the line says: "keyfob: <verb> [####----] 240/500 <noun>", then rate and time left, or time so far. */
export interface LineWords {
  verb: string;
  noun: string;
  /** 'rate': items per second and the time left (many similar items); 'elapsed': time so far (a few unequal steps). */
  timing: 'rate' | 'elapsed';
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
 * redraws it in place a few times a second and clears it on stop. The terminal is given back as it
 * was (line wrapping on) even when the process ends without stop. Without a stream, nothing is drawn.
 */
export function progressLine(stream: NodeJS.WriteStream | undefined, words: LineWords): ProgressLine {
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
      `keyfob: ${words.verb} [${Format.BarFormat(params.progress, options)}] ${params.value}/${params.total} ${words.noun}` +
      `${words.timing === 'rate' ? rateAndTimeLeft(options, params, startValue) : elapsed(options, params)}${note}`,
  });
  const stop = () => {
    if (!started) return;
    started = false;
    process.off('exit', stop);
    bar.stop();
  };
  return {
    drawn: true,
    update(done, total) {
      if (!started) {
        started = true;
        startValue = done;
        process.once('exit', stop);
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
    stop,
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

/** ", 3s so far". */
function elapsed(options: Options, params: Params): string {
  return `, ${Format.TimeFormat(Math.round((Date.now() - params.startTime) / 1000), options, 1)} so far`;
}
