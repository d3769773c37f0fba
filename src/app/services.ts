import { DataClient } from '../workers/data-client';

let client: DataClient | null = null;

/** The one data worker of this tab, started on first use. */
export function dataClient(): DataClient {
  client ??= DataClient.create();
  return client;
}

/** Tests inject a client talking to a fake worker. */
export function setDataClient(c: DataClient): void {
  client = c;
}
