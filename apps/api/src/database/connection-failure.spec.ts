import { describe, expect, it } from '@jest/globals';
import { isConnectionFailure } from './connection-failure.js';

describe('isConnectionFailure', () => {
  it('sees a lost connection through TypeORM’s driverError and an error’s cause', () => {
    expect(isConnectionFailure({ message: 'Query failed', driverError: { message: 'Connection terminated unexpectedly' } })).toBe(true);
    expect(isConnectionFailure(new Error('could not run the step', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isConnectionFailure({ message: 'timeout exceeded when trying to connect' })).toBe(true);
  });

  it('leaves query errors and bugs alone', () => {
    expect(isConnectionFailure({ message: 'Query failed', driverError: { code: '23505', message: 'duplicate key value violates unique constraint' } })).toBe(false);
    expect(isConnectionFailure(new TypeError('x is not a function'))).toBe(false);
    expect(isConnectionFailure(undefined)).toBe(false);
  });
});
