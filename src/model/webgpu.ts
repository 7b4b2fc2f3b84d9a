/**
 * The one WebGPU probe: the adapter a browser offers, or why there is none. `software` marks a
 * CPU emulation (SwiftShader, a fallback adapter): usable, but slower than WASM, so the worker's
 * `auto` passes it by.
 */
import { errorMessage } from '../core/error-message.ts';

/** The part of WebGPU's `navigator.gpu` used here (TypeScript's DOM lib lacks WebGPU). */
interface GpuLike {
  requestAdapter(): Promise<{
    info?: {
      vendor?: string;
      architecture?: string;
      description?: string;
      isFallbackAdapter?: boolean;
    };
    isFallbackAdapter?: boolean;
  } | null>;
}

export interface WebgpuProbe {
  /** Why WebGPU cannot be used; absent when an adapter was offered. */
  readonly reason?: string;
  /** The adapter's vendor and architecture. */
  readonly adapter?: string;
  readonly software?: boolean;
}

export async function probeWebgpu(): Promise<WebgpuProbe> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (gpu === undefined)
    return { reason: 'this browser does not expose WebGPU (no navigator.gpu)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { reason: 'the browser offered no WebGPU adapter' };
    const info = adapter.info;
    const name = [info?.vendor, info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
    const software =
      info?.isFallbackAdapter === true ||
      adapter.isFallbackAdapter === true ||
      /swiftshader/i.test(`${name} ${info?.description ?? ''}`);
    return { adapter: name, software };
  } catch (error) {
    return { reason: `requesting a WebGPU adapter failed: ${errorMessage(error)}` };
  }
}
