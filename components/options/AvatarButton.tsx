import { useState } from 'react';
import { avatarProblems } from '../../lib/shared/avatar';
import { bytesToBase64 } from '../../lib/shared/base64';
import { toErrorInfo } from '../../lib/shared/errors';
import { request } from '../../lib/views/messaging';
import type { AccountSummary } from '../../lib/shared/model';
import { ErrorLine } from './ErrorLine';
import { FileButton } from './FileButton';
import { t } from '../../lib/shared/i18n';

type State =
  | { status: 'idle' }
  | { status: 'uploading' }
  | { status: 'done' }
  | { status: 'refused'; problems: string[] }
  | { status: 'failed'; error: ReturnType<typeof toErrorInfo> };

/**
 * A new profile picture, for providers that take one. Here rather than in the popup: a file
 * chooser takes the focus away from a Chrome popup, which closes it.
 */
export function AvatarButton({ account }: { account: AccountSummary }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const limits = account.avatarUpload;
  if (!limits) return null;

  const upload = async (file: File) => {
    const problems = avatarProblems(limits, { type: file.type, size: file.size });
    if (problems.length > 0) {
      setState({ status: 'refused', problems });
      return;
    }
    setState({ status: 'uploading' });
    try {
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await request('uploadAvatar', {
        accountId: account.id,
        editId: crypto.randomUUID(),
        file: { name: file.name, type: file.type, data },
      });
      setState({ status: 'done' });
    } catch (error) {
      setState({ status: 'failed', error: toErrorInfo(error) });
    }
  };

  return (
    <span className="avatar-button">
      <FileButton
        label={state.status === 'uploading' ? t('options.picture.uploading') : t('options.picture.change')}
        accept={limits.types.join(',')}
        onFile={(file) => void upload(file)}
      />
      <span role="status" aria-live="polite">
        {state.status === 'done' && <span className="ok">{t('options.picture.updated')}</span>}
        {state.status === 'refused' && <span className="field-error">{state.problems.join('. ')}.</span>}
        {state.status === 'failed' && (
          <ErrorLine
            prefix={t('options.picture.notUploaded')}
            error={state.error}
            context={{ providerName: account.providerName, host: account.host, signInUrl: account.signInUrl, inOptions: true }}
          />
        )}
      </span>
    </span>
  );
}
