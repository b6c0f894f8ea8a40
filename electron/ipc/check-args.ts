import * as v from 'valibot';
import { KeyfobError } from '../../shared/errors';
import { CHANNELS, type Channel, type CheckedArgsOf } from '../../shared/ipc/channels';

/** The channel of the table called `name`; 'invalid-input' for any other name. */
export function knownChannel(name: string): Channel {
  if (Object.hasOwn(CHANNELS, name)) return name as Channel;
  throw new KeyfobError('invalid-input', 'Refused a request Keyfob does not know.');
}

/**
 * A request's arguments as its handler receives them, checked against the channel's schemas; an
 * 'invalid-input' error naming the channel, the argument and what was expected when they do not fit.
 * Only a faulty or compromised renderer sends these, so one line for the log and the reply is enough.
 */
export function checkArgs<C extends Channel>(channel: C, args: unknown): CheckedArgsOf<C> {
  const result = v.safeParse(CHANNELS[channel].args, args);
  if (result.success) return result.output as CheckedArgsOf<C>;
  const [first] = result.issues;
  const issue = first.issues?.[0] ?? first;
  const at = issue.path?.[0]?.key;
  const where = typeof at === 'number' ? ` (argument ${at + 1})` : '';
  throw new KeyfobError('invalid-input', `Refused a malformed ${channel} request${where}: ${issue.message}.`);
}
