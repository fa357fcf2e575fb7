/** Who is calling the API: the organization API token of the Authorization header. */
import type { Db } from '@/db/client';
import { checkApiToken } from '../services/api-tokens';
import type { Actor } from '../services/members';
import { bearerToken } from './request';
import { ApiResponseError, unauthorized } from './respond';

export interface ApiCaller {
  tokenId: string;
  /**
   * The token acts for its organization with write access to every stream, as the admin who
   * created it: measurements it sends are entered by that person, from the source `api`.
   */
  actor: Actor;
}

/** The caller, or a 401 that never says whether the organization in the token exists. */
export async function authenticate(db: Db, request: Request): Promise<ApiCaller> {
  const token = bearerToken(request);
  if (!token) throw new ApiResponseError(unauthorized());
  const check = await checkApiToken(db, token);
  if (!check.ok) {
    throw new ApiResponseError(
      unauthorized(
        check.reason === 'revoked'
          ? 'This API token was revoked. Ask an admin of the organization for a new one.'
          : 'This API token is not valid.',
      ),
    );
  }
  return {
    tokenId: check.tokenId,
    actor: { orgId: check.orgId, userId: check.createdBy, role: 'admin' },
  };
}
