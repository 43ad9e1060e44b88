import '@/lib/zod-setup';
import { snapshotPage } from '@/lib/capture/page-snapshot';

// Injected on demand by the worker (scripting.executeScript); its result is the snapshot.
export default defineContentScript({
  registration: 'runtime',
  main() {
    return snapshotPage(window, new Date().toISOString());
  },
});
