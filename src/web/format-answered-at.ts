// Answers are read in Vietnam whatever the server's time zone: "09:30 ngày 1/3/2025".
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** When an answer was given, as Vietnamese write it, in Vietnam's time. */
export function formatAnsweredAt(iso: string): string {
  const part = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${part.hour}:${part.minute} ngày ${Number(part.day)}/${Number(part.month)}/${part.year}`;
}
