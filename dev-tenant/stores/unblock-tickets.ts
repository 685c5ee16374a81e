// The links of the unblock emails that brute-force protection sends, each naming the user whose blocks it lifts.
import { BLOCK_MS } from '../limits/brute-force';
import type { Clock } from './expiring-map';
import { EmailTicketStore } from './email-tickets';

/** Live as long as a block can last. */
export class UnblockTicketStore extends EmailTicketStore {
  constructor(now?: Clock) {
    super(BLOCK_MS, now);
  }
}
