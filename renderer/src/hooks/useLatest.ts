import { useLayoutEffect, useRef } from 'react';

/** A ref always holding the latest value, for stable callbacks that must see fresh state. */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
