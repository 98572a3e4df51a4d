import type { AmazonSandboxState } from './state.js';

/** A list kept beside one sandbox state (created on first use, gone with the state). */
export function stateList<T>(): (state: AmazonSandboxState) => T[] {
  const lists = new WeakMap<AmazonSandboxState, T[]>();
  return (state) => {
    let list = lists.get(state);
    if (!list) lists.set(state, (list = []));
    return list;
  };
}
