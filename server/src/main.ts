import { startKamLanguageServer } from './start-server.js';

startKamLanguageServer();
