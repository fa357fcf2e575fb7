/**
 * Unique violations that slip past a service's own check (two requests at the same moment)
 * become a CONFLICT on the right field instead of a 500. Both drivers wrap the Postgres error:
 * Drizzle puts it in `cause`; postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
const knownConstraints: Record<string, { field: string; message: string }> = {
  value_streams_name_key: { field: 'name', message: 'Another stream already has this name.' },
  users_email_key: {
    field: 'email',
    message: 'An account with this email already exists. Sign in instead.',
  },
  measurements_period_key: {
    field: 'periodStart',
    message:
      'There is already a measurement of this stream for this period. Replace it, or change the period.',
  },
  api_tokens_name_key: { field: 'name', message: 'Another active token already has this name.' },
};

export interface UniqueViolation {
  field?: string;
  message: string;
}

export function uniqueViolation(error: unknown): UniqueViolation | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ('code' in e && e.code === '23505') {
      const constraint =
        ('constraint_name' in e && typeof e.constraint_name === 'string' && e.constraint_name) ||
        ('constraint' in e && typeof e.constraint === 'string' && e.constraint) ||
        '';
      return (
        knownConstraints[constraint] ?? {
          message: 'That conflicts with a change saved at the same moment. Please try again.',
        }
      );
    }
    e = 'cause' in e ? e.cause : undefined;
  }
  return null;
}

/** Postgres stopped the work because it ran past the role's budget (migration 0015). */
export interface TimedOut {
  message: string;
}

const budgets: Record<string, string> = {
  // query_canceled: statement_timeout (or a cancel request).
  '57014':
    'This took longer than the server allows and was stopped; nothing was saved. Try again, or ask for less at once.',
  // lock_not_available: lock_timeout.
  '55P03':
    'Another change to the same data is taking long; nothing was saved. Try again in a moment.',
  // idle_in_transaction_session_timeout ended the connection.
  '25P03': 'The request was stopped because it waited too long; nothing was saved. Try again.',
};

export function timedOut(error: unknown): TimedOut | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ('code' in e && typeof e.code === 'string' && budgets[e.code])
      return { message: budgets[e.code] as string };
    e = 'cause' in e ? e.cause : undefined;
  }
  return null;
}
