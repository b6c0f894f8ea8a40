import type { DraftCheck } from '../../../shared/ipc/shapes';
import type { OtpType } from '../../../shared/otp-types';
import { groupCode } from '../lib/code-format';

interface DraftPreviewProps {
  check: DraftCheck | null;
  type: OtpType;
}

/** The code the draft would show now, so it can be compared with the site before saving. */
export function DraftPreview({ check, type }: DraftPreviewProps) {
  const code = check?.preview?.code ?? null;
  return (
    <div className="preview" aria-live="polite">
      <span className="preview-label">{type === 'hotp' ? 'First code' : 'Current code'}</span>
      {code !== null ? (
        <>
          <output className="preview-code" data-testid="preview-code">
            {groupCode(code, type)}
          </output>
          <span className="preview-hint">Check that it matches the code the site asks for.</span>
        </>
      ) : (
        <span className="preview-hint">The code appears here once the secret key is valid.</span>
      )}
    </div>
  );
}
