import { describe, expect, it } from 'vitest';
import { isSecretKey, keyWords, maskSecret, redactUrl, scrubSecrets, scrubText } from '../../../../../lib/background/secrets/scrub';

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

describe('the secret-key denylist', () => {
  it('covers every key name the audit found surviving into the raw view', () => {
    const body = {
      recovery_codes: ['a1b2', 'c3d4'],
      otpauth_uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
      'x-api-key': 'k-123456789',
      accessKey: 'AK123456789',
      pin: '4321',
      passphrase: 'correct horse',
      session_id: 'sess_123',
      credentials: { user: 'ada', pass: 'hunter2' },
      profile: { nested: { credentials: { pass: 'hunter2' } }, pass_hint: 'a cat' },
      keep: 'this',
    };
    expect(scrubSecrets(body)).toEqual({ profile: { nested: {}, pass_hint: 'a cat' }, keep: 'this' });
  });

  // Found by the third look from outside (issue 23, 6): a `/me` listing the user's other API
  // keys kept them, in the raw view and in storage.local, in plain text even with the lock on.
  it('covers plural key names: a list of the user’s other keys is dropped whole', () => {
    const names = ['apiKeys', 'api_keys', 'apikeys', 'accessKeys', 'access_keys', 'privateKeys', 'keys', 'mfa_seed', 'signingKeys', 'seed'];
    for (const name of names) expect(isSecretKey(name), name).toBe(true);
    const body = Object.fromEntries(names.map((name) => [name, [{ name: 'ci', key: 'k_9f8e7d6c5b4a', value: 'v_0a1b2c3d4e5f' }]]));
    expect(scrubSecrets({ ...body, id: 'u1' })).toEqual({ id: 'u1' });
    // Counts and flags about them, and look-alikes, stay.
    for (const key of ['api_keys_count', 'keys_enabled', 'sort_keys', 'hotkeys', 'seeded', 'seed_data_version']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('splits keys into words, so look-alikes stay and metadata about a secret stays', () => {
    expect(keyWords('TOTPSecret')).toEqual(['totp', 'secret']);
    expect(keyWords('x-api-key')).toEqual(['x', 'api', 'key']);
    expect(keyWords('accessKeyId')).toEqual(['access', 'key', 'id']);
    for (const key of ['pinned', 'bypass', 'passport', 'token_expires_at', 'password_set', 'token_type', 'keyboard', 'monkey']) {
      expect(isSecretKey(key), key).toBe(false);
    }
    // A yes/no flag is kept even under a secret word: it carries no secret.
    expect(scrubSecrets({ has_password: true, password: 'p' })).toEqual({ has_password: true });
  });

  it('redacts secret-shaped values inside prose and otpauth secrets anywhere', () => {
    expect(scrubText('Invalid api_key in-0123456789abcdefghijklmnopqrstu, try again')).toBe('Invalid api_key [redacted], try again');
    expect(scrubText('see otpauth://totp/Wacht:ada?secret=JBSWY3DPEHPK3PXP&issuer=W')).toBe('see [redacted]');
    expect(scrubText('scan "issuer=W&secret=JBSWY3DPEHPK3PXP"')).toBe('scan "issuer=W&secret=[redacted]"');
    expect(scrubText('token (eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl) expired')).toBe('token ([redacted]) expired');
    expect(scrubText('an ordinary sentence with in-house words')).toBe('an ordinary sentence with in-house words');
  });

  // Found by an attacker's review (after issue 23): names written in compatibility characters, and
  // an otpauth URI in capitals with no `://`, passed.
  it('reads compatibility characters in key names as their letters, and otpauth in any case', () => {
    for (const key of ['ａｐｉ＿ｋｅｙ', 'api_\u212Aey', 'ｐａｓｓｗｏｒｄ', 'ＴＯＴＰＳｅｃｒｅｔ'])
      expect(isSecretKey(key), key).toBe(true);
    expect(isSecretKey('ｎａｍｅ')).toBe(false);
    expect(scrubSecrets({ ａｃｃｅｓｓ＿ｔｏｋｅｎ: 'tok_0a1b2c3d4e5f', name: 'Ada' })).toEqual({ name: 'Ada' });
    expect(scrubText('scan OTPAUTH:TOTP/Wacht:ada?SECRET=JBSWY3DPEHPK3PXP now')).toBe('scan [redacted] now');
  });
});

describe('redactUrl', () => {
  it('replaces secret query values and user info', () => {
    expect(redactUrl('https://u:p@api.x.io/v1?api_key=in-abc&page=2&token=t')).toBe(
      'https://api.x.io/v1?api_key=[redacted]&page=2&token=[redacted]',
    );
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
