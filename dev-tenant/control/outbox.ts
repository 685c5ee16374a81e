// The emails the tenant "sent" (reset, verification, unblock), kept for the control API and its page
// while each is still handed to the tenant's sendEmail (printed by default).
import type { EmailKind, OutgoingEmail, SendEmail } from '../routes/context';
import type { Clock } from '../stores/expiring-map';

/** Enough for any test run or demo; the oldest go first, so memory stays flat. */
const MAX_EMAILS = 1000;

export interface SentEmail extends OutgoingEmail {
  readonly id: string;
  /** Epoch ms. */
  readonly sentAt: number;
}

export interface OutboxFilter {
  readonly to?: string | undefined;
  readonly kind?: EmailKind | undefined;
}

export class Outbox {
  private readonly emails: SentEmail[] = [];
  private sequence = 0;

  constructor(private readonly now: Clock = Date.now) {}

  /** A SendEmail that records each email, then passes it on. */
  recording(deliver: SendEmail): SendEmail {
    return (email) => {
      this.sequence += 1;
      this.emails.push({ ...email, id: `email_${this.sequence}`, sentAt: this.now() });
      if (this.emails.length > MAX_EMAILS) this.emails.shift();
      deliver(email);
    };
  }

  /** Oldest first; `to` compares case-insensitively, as emails do. */
  list(filter: OutboxFilter = {}): SentEmail[] {
    const to = filter.to?.toLowerCase();
    return this.emails.filter(
      (email) => (to === undefined || email.to.toLowerCase() === to) && (filter.kind === undefined || email.kind === filter.kind)
    );
  }

  clear(): void {
    this.emails.length = 0;
  }
}
