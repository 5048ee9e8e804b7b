// Every unit test gets a fresh, in-memory IndexedDB so Dexie runs in Node exactly as in the extension.
import 'fake-indexeddb/auto';

// findBy*/waitFor give up after 1 s by default: on a loaded 2-core machine a live query can take longer than that
// to answer. Waiting longer never makes a wrong screen pass; it only stops a slow right one from failing.
import { configure } from '@testing-library/dom';
configure({ asyncUtilTimeout: 5_000 });
