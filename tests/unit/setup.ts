// Every unit test gets a fresh, in-memory IndexedDB so Dexie runs in Node exactly as in the extension.
import 'fake-indexeddb/auto';
