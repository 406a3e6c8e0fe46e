/** Reads messages from the real Mailpit inbox the tests' SMTP goes to. */
const base = () => {
  const url = process.env['MAILPIT_URL'];
  if (!url) throw new Error('MAILPIT_URL is not set; run tests with `npm test`.');
  return url;
};

interface Summary {
  ID: string;
  Subject: string;
  Created: string;
}

export async function waitForMail(to: string, subjectIncludes: string, after = new Date(0), timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${base()}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=50`);
    const { messages } = (await res.json()) as { messages: Summary[] };
    const hit = messages.find((m) => m.Subject.includes(subjectIncludes) && new Date(m.Created) >= after);
    if (hit) {
      const full = await (await fetch(`${base()}/api/v1/message/${hit.ID}`)).json();
      return full as {
        Subject: string;
        Text: string;
        HTML: string;
        Attachments: { FileName: string; PartID: string; ContentType: string }[];
        ID: string;
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} about "${subjectIncludes}" within ${timeoutMs} ms`);
}

export async function latestCode(to: string, subjectIncludes: string, after?: Date): Promise<string> {
  const mail = await waitForMail(to, subjectIncludes, after);
  return codeIn(mail.Text);
}

/** "Use this code to ...: 123456" (a name with six digits in it comes earlier in the mail). */
function codeIn(text: string): string {
  const code = /code[^:\n]*:\s*(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error('no 6-digit code in the mail');
  return code;
}

/** The codes of the mails to `to` about `subjectIncludes` sent since `after`, once `count` of them have come. */
export async function codesSince(to: string, subjectIncludes: string, after: Date, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${base()}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=50`);
    const { messages } = (await res.json()) as { messages: Summary[] };
    const hits = messages.filter((m) => m.Subject.includes(subjectIncludes) && new Date(m.Created) >= after);
    if (hits.length >= count) {
      const texts = await Promise.all(
        hits.map(async (m) => ((await (await fetch(`${base()}/api/v1/message/${m.ID}`)).json()) as { Text: string }).Text),
      );
      return texts.map(codeIn);
    }
    if (Date.now() > deadline) throw new Error(`only ${hits.length} of ${count} mails to ${to} came`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function countMail(to: string): Promise<number> {
  const res = await fetch(`${base()}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=50`);
  return ((await res.json()) as { messages_count: number }).messages_count;
}
