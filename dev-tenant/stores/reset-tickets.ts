// The links of the password reset "emails".
import type { Clock } from './expiring-map';
import { EmailTicketStore } from './email-tickets';

/** A reset link is used right after it is printed; memory-only, so a restart also ends it. */
export const RESET_TICKET_TTL_MS = 60 * 60 * 1000;

/** Password-reset tickets: shown by the reset page until one successful reset consumes them. */
export class ResetTicketStore extends EmailTicketStore {
  constructor(now?: Clock) {
    super(RESET_TICKET_TTL_MS, now);
  }
}
