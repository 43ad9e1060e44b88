import '@/lib/zod-setup';
import { renderPage } from '@/lib/capture/render';

// Injected on demand by the worker after the screenshots; kept apart from the capture
// script so html2canvas is only loaded when a render is made.
export default defineContentScript({
  registration: 'runtime',
  main() {
    return renderPage(window);
  },
});
