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
