// Child-process entry of the Teams-like connector (limited-connector.ts): the connector stamps
// arrivals on its own event loop, so the sender's pauses (GC, SQLite writes) do not bunch them.
// Protocol over IPC: sends {url} when listening; answers 'stats' with its counts; exits on 'close'.
import { startLimitedConnector } from './limited-connector';

const c = await startLimitedConnector();
process.send!({ url: c.url });
process.on('message', async (m) => {
  if (m === 'stats') process.send!({ delivered: [...c.delivered], throttled: c.throttled, firstAt: c.firstAt, lastAt: c.lastAt });
  if (m === 'close') {
    await c.close();
    process.exit(0);
  }
});
