// Offline support for the built demo: on install it caches the app and onnxruntime-web's wasm, so
// the next visit works with the network off. The build (vite.config.ts, plugin med7-demo) fills in
// the precache lists and the version in its copy, dist/sw.js.
// The model's files are left to the worker's own cache, which checks them against the server on
// each load and drops them when a load fails; a second copy here would be a second download and
// could keep a broken model for good (docs/reliability.md). So this worker answers only the page
// and its precache list, same-origin GET requests only; everything else goes to the network
// untouched and is never stored.
const VERSION = '__VERSION__';
/** @type {string[]} URLs relative to this file. */
const PRECACHE = JSON.parse('__PRECACHE__');
/** @type {string[]} What only WebGPU runs (onnxruntime-web's WebGPU build). */
const PRECACHE_WEBGPU = JSON.parse('__PRECACHE_WEBGPU__');
const CACHE = `med7-web-${VERSION}`;
/** How long to wait for a WebGPU adapter before caching the WebGPU build anyway. */
const ADAPTER_WAIT_MS = 3000;

/** Whether this browser may run the model on WebGPU (when unsure: yes, so offline still works). */
async function mayUseWebgpu() {
  const gpu = self.navigator.gpu;
  if (gpu === undefined) return false;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(true), ADAPTER_WAIT_MS));
  const adapter = gpu.requestAdapter().then(
    (found) => found !== null,
    () => false,
  );
  return Promise.race([adapter, timeout]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const paths = (await mayUseWebgpu()) ? [...PRECACHE, ...PRECACHE_WEBGPU] : PRECACHE;
      await cache.addAll(paths.map((path) => new Request(path, { cache: 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('med7-web-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The preview server answers `Vary: Origin`; module scripts are requested with an Origin header,
// precache requests without one, so matching must ignore Vary.
const MATCH = { ignoreVary: true };

/** The absolute URLs this worker answers for (besides navigations): its precache lists. */
const OWN = new Set(
  [...PRECACHE, ...PRECACHE_WEBGPU].map((path) => new URL(path, self.location.href).href),
);

async function respond(request) {
  const cache = await caches.open(CACHE);
  const navigation = request.mode === 'navigate';
  if (!navigation) {
    const hit = await cache.match(request, MATCH);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !request.headers.has('range')) {
      await cache.put(
        navigation ? new URL('./', self.location.href).href : request,
        response.clone(),
      );
    }
    return response;
  } catch (error) {
    const hit = await cache.match(
      navigation ? new URL('./', self.location.href).href : request,
      MATCH,
    );
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Not one of its files (a model file, say): the browser fetches it as if there were no worker.
  if (request.mode !== 'navigate' && !OWN.has(request.url)) return;
  event.respondWith(respond(request));
});
