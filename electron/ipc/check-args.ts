import * as v from 'valibot';
import { KeyfobError } from '../../shared/errors';
import { CHANNELS, type Channel, type CheckedArgsOf } from '../../shared/ipc/channels';

/** True for a channel of the table. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(CHANNELS, name);
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
