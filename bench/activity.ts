// A Teams message activity as the Bot Connector posts it to POST /api/messages, asking for the
// replies in the response body (deliveryMode expectReplies), and a client that sends one.

let seq = 0;

export function messageActivity(text: string, conversationId = 'bench-conversation'): Record<string, unknown> {
  seq++;
  return {
    type: 'message',
    id: `bench-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'bench-user', name: '王科长' },
    recipient: { id: 'bench-bot', name: '重点项目助手' },
    conversation: { id: conversationId, conversationType: 'personal' },
    locale: 'zh-CN',
    text,
    textFormat: 'plain',
    deliveryMode: 'expectReplies',
  };
}

export interface Replies {
  status: number;
  activities: { text?: string; attachments?: { contentType: string; content: unknown }[] }[];
}

/** Posts a question; returns the replies in the body. */
export async function ask(url: string, text: string, conversationId?: string): Promise<Replies> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(text, conversationId)),
  });
  const body = (await res.json().catch(() => ({}))) as { activities?: Replies['activities'] };
  return { status: res.status, activities: body.activities ?? [] };
}
