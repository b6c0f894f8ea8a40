import { CHANNELS, type Channel } from '../../shared/ipc-contract';
import type { AppServices } from '../services/app-services';
import type { IpcGateway } from './gateway';

/** Registers every contract channel on the gateway, each forwarding to the same-named service. */
export function registerServicesIpc(gateway: IpcGateway, services: AppServices): void {
  const bind = <C extends Channel>(channel: C): void =>
    gateway.handle(channel, (...args) => services.invoke(channel, ...args));
  for (const channel of CHANNELS) bind(channel);
}
