import type { Handlers } from '../router';
import { accountHandlers } from './accounts';
import type { HandlerDeps } from './context';
import { dataHandlers } from './data';
import { definitionHandlers } from './definitions';
import { lockHandlers } from './lock';
import { syncHandlers } from './sync';

export type { HandlerDeps } from './context';

/** The background's one flat map of named handlers, one per protocol message. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return { ...accountHandlers(deps), ...dataHandlers(deps), ...definitionHandlers(deps), ...lockHandlers(deps), ...syncHandlers(deps) };
}
