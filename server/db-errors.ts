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

/**
 * A failure that says nothing about the request and passes: the work ran past the role's budget
 * (migration 0015), or the database restarted or could not be reached. Nothing was saved (every
 * write is one transaction), so the answer is "retry", never our 500.
 */
export interface TransientFailure {
  message: string;
}

const UNREACHABLE =
  'The database could not be reached for a moment; nothing was saved. Try again in a few seconds.';

const transientStates: Record<string, string> = {
  // query_canceled: statement_timeout (or a cancel request).
  '57014':
    'This took longer than the server allows and was stopped; nothing was saved. Try again, or ask for less at once.',
  // lock_not_available: lock_timeout.
  '55P03':
    'Another change to the same data is taking long; nothing was saved. Try again in a moment.',
  // idle_in_transaction_session_timeout ended the connection.
  '25P03': 'The request was stopped because it waited too long; nothing was saved. Try again.',
  // The server is shutting down, restarting or starting (admin_shutdown, crash_shutdown,
  // cannot_connect_now), and connections that broke (SQLSTATE class 08).
  '57P01': UNREACHABLE,
  '57P02': UNREACHABLE,
  '57P03': UNREACHABLE,
  '08000': UNREACHABLE,
  '08001': UNREACHABLE,
  '08003': UNREACHABLE,
  '08006': UNREACHABLE,
  // postgres.js's own codes for a connection that closed or could not open.
  CONNECTION_CLOSED: UNREACHABLE,
  CONNECTION_ENDED: UNREACHABLE,
  CONNECTION_DESTROYED: UNREACHABLE,
  CONNECT_TIMEOUT: UNREACHABLE,
  ECONNREFUSED: UNREACHABLE,
  ECONNRESET: UNREACHABLE,
};

export function transientFailure(error: unknown): TransientFailure | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
    const message = code ? transientStates[code] : undefined;
    if (message) return { message };
    e = 'cause' in e ? e.cause : undefined;
  }
  return null;
}

/** The SQLSTATE of a database error, which both drivers wrap (Drizzle puts it in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ('code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}
