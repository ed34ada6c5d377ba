import { describe, expect, it } from 'vitest';
import { maskSecret, redactUrl, scrubSecrets } from '../../../lib/secrets';

describe('scrubSecrets', () => {
  it('drops secret-named keys at any depth and redacts secret-looking values', () => {
    const scrubbed = scrubSecrets({
      data: {
        name: 'Ada',
        user_authenticator: { id: 'a1', totp_secret: 'JBSW', otp_url: 'otpauth://x' },
        backup_codes: ['1', '2'],
        backup_codes_generated: true,
        api_key: 'in-x',
        nested: [{ access_token: 't', refreshToken: 'r', password: 'p', note: 'eyJhbGciOi.eyJzdWIiOjF9.c2ln' }],
        links: { self: 'https://api.insighto.ai/api/v1/user?api_key=in-abcdefghijklmnopqrstuvwxyz&page=1' },
      },
    });
    expect(scrubbed).toEqual({
      data: {
        name: 'Ada',
        user_authenticator: { id: 'a1' },
        backup_codes_generated: true,
        nested: [{ note: '[redacted]' }],
        links: { self: 'https://api.insighto.ai/api/v1/user?api_key=[redacted]&page=1' },
      },
    });
  });
});

describe('redactUrl', () => {
  it('replaces secret query values and user info', () => {
    expect(redactUrl('https://u:p@api.x.io/v1?api_key=in-abc&page=2&token=t')).toBe('https://api.x.io/v1?api_key=[redacted]&page=2&token=[redacted]');
    expect(redactUrl('not a url')).toBe('[redacted]');
  });
});

describe('maskSecret', () => {
  it('shows at most the last four characters, and none of a short secret', () => {
    expect(maskSecret('in-abcdefghijklmnop1234')).toBe('••••1234');
    expect(maskSecret('short')).toBe('••••');
    expect(maskSecret('')).toBe('');
  });
});
