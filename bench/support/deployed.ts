/**
 * Imported right after src/production-mode by the bench's entry points (run.ts, upload.ts, load.ts):
 * every process the bench starts (gateways, the bare proxy and bare Apollo baselines, emulators)
 * inherits this environment, so all of them run with glibc's heap trim threshold as README
 * Operations recommends deploying the gateway on Linux, unless the environment already sets it.
 * glibc reads it when a process starts, so it cannot be set from inside the gateway.
 */
process.env.MALLOC_TRIM_THRESHOLD_ ??= '33554432';
