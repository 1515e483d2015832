// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { POINTER_REST_MS, usePointerRest } from './pointer-rest.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePointerRest', () => {
  it('rests after the pointer has been still for the delay, and wakes at its next move or press', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => usePointerRest());
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(POINTER_REST_MS - 1));
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);

    act(() => void window.dispatchEvent(new Event('pointermove')));
    expect(result.current).toBe(false);
    // A move restarts the wait.
    act(() => void vi.advanceTimersByTime(POINTER_REST_MS - 1));
    act(() => void window.dispatchEvent(new Event('pointerdown')));
    act(() => void vi.advanceTimersByTime(POINTER_REST_MS - 1));
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });
});
