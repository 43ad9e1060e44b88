// A working IndexedDB (Blobs included) for Dexie in Node.
import 'fake-indexeddb/auto';
